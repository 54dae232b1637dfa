package org.devicemanagement.archfixtures.violations.application.port.in;

import org.devicemanagement.archfixtures.violations.domain.FixtureDevice;

/** A well-formed use case. */
public interface RetireUseCase {
  /** Retires the device. */
  FixtureDevice retire(String id);
}
