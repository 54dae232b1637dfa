package org.devicemanagement.application.port.out;

import java.util.Optional;
import org.devicemanagement.domain.ManagedDevice;

/** Finds one managed device of the tenant by its id. */
public interface ManagedDeviceLookup {

  /** The device with id {@code deviceId} (compared ignoring case). */
  Optional<ManagedDevice> findDeviceById(String deviceId);
}
