package org.devicemanagement.application.port.in;

import org.devicemanagement.application.query.DevicePage;

/** Lists managed devices, a user's or the whole tenant's, one page at a time. */
public interface ListManagedDevicesUseCase {

  /**
   * Checks the caller's permission, finds the user when one is named, and returns the requested
   * page of the devices that match the query.
   */
  DevicePage listManagedDevices(ListManagedDevicesQuery query);
}
