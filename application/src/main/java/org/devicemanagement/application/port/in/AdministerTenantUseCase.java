package org.devicemanagement.application.port.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Sets up the emulator's tenant (the control API): replace, export or reset it whole, add users and
 * devices, delete devices. Entries and whole tenants are in the tenant file format (UTF-8 JSON).
 */
public interface AdministerTenantUseCase {

  /**
   * Replaces the whole tenant with the tenant file read from {@code tenantFile}; every device's
   * first check-in is one check-in interval from now.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException naming the offending
   *     entry; the tenant is then left as it was
   */
  TenantSize replaceTenant(InputStream tenantFile);

  /** Writes the tenant as it is now, current states and check-in intervals included. */
  void exportTenant(OutputStream out) throws IOException;

  /**
   * Goes back to the tenant the server started with, and a virtual clock back to its start;
   * check-in plans start again from then.
   */
  TenantSize resetTenant();

  /**
   * Adds the user one tenant-file {@code "users"} entry describes.
   *
   * @return the stored entry
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the entry is
   *     malformed or its id or sign-in name is taken
   */
  byte[] addUser(byte[] userEntry);

  /**
   * Adds the device one tenant-file {@code "managedDevices"} entry describes; its first check-in is
   * one check-in interval from now.
   *
   * @return the stored entry (a device with a user and no {@code userPrincipalName} takes its
   *     user's)
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the entry is
   *     malformed, its id is taken or its {@code userId} names no user
   */
  byte[] addDevice(byte[] deviceEntry);

  /**
   * Deletes the device {@code deviceId} (compared ignoring case).
   *
   * @throws org.devicemanagement.application.failure.ManagedDeviceNotFoundException if there is
   *     none
   */
  void deleteDevice(String deviceId);
}
