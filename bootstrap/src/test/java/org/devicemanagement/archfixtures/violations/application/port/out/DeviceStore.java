package org.devicemanagement.archfixtures.violations.application.port.out;

import org.devicemanagement.archfixtures.violations.domain.FixtureDevice;

/** A well-formed outbound port. */
public interface DeviceStore {
  /** Finds a device. */
  FixtureDevice find(String id);
}
