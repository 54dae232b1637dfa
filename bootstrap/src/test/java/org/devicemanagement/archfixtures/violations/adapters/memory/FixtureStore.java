package org.devicemanagement.archfixtures.violations.adapters.memory;

import org.devicemanagement.archfixtures.violations.application.port.out.DeviceStore;
import org.devicemanagement.archfixtures.violations.domain.FixtureDevice;

/** A well-behaved adapter. */
public final class FixtureStore implements DeviceStore {
  @Override
  public FixtureDevice find(String id) {
    return new FixtureDevice(id);
  }
}
