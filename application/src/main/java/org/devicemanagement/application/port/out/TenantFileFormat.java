package org.devicemanagement.application.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The tenant file format (Graph-shaped users and managed devices, with each device's check-in
 * interval), read from and written to bytes, so that the control API accepts exactly what a tenant
 * file holds and answers in the same shape (an emulator-only port).
 */
public interface TenantFileFormat {

  /**
   * Reads a whole tenant file from {@code in}, naming it {@code sourceName} in messages.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException naming the offending
   *     entry, or the line and column of malformed JSON
   */
  TenantAdministration.Contents readTenant(InputStream in, String sourceName);

  /** Writes {@code contents} as a tenant file to {@code out}, which is left open. */
  void writeTenant(TenantAdministration.Contents contents, OutputStream out) throws IOException;

  /**
   * Reads one entry of a tenant file's {@code "users"} array.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException saying what is wrong
   */
  User readUser(byte[] entry);

  /**
   * Reads one entry of a tenant file's {@code "managedDevices"} array.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException saying what is wrong
   */
  ManagedDevice readDevice(byte[] entry);

  /** {@code user} as an entry of a tenant file's {@code "users"} array (UTF-8 JSON). */
  byte[] writeUser(User user);

  /** {@code device} as an entry of a tenant file's {@code "managedDevices"} array (UTF-8 JSON). */
  byte[] writeDevice(ManagedDevice device);
}
