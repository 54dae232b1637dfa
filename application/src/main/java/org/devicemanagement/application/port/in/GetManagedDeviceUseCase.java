package org.devicemanagement.application.port.in;

import org.devicemanagement.domain.ManagedDevice;

/** Reads one managed device by id. */
public interface GetManagedDeviceUseCase {

  /** Checks the caller's permission and returns the device. */
  ManagedDevice getManagedDevice(GetManagedDeviceQuery query);
}
