package org.devicemanagement.application.port.in;

/** Lists a user's managed devices, one page at a time. */
public interface ListManagedDevicesUseCase {

  /**
   * Checks the caller's permission, finds the user and returns the requested page of its devices.
   */
  ManagedDevicePage listManagedDevices(ListManagedDevicesQuery query);
}
