package org.devicemanagement.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Writes a Graph-shaped tenant file (the format of {@code serve --tenant}) of {@code users} users
 * with {@code devicesPerUser} devices each, as {@link BenchData} makes them.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.devicemanagement.benchmarks.TenantFileWriter FILE
 * USERS DEVICES_PER_USER}
 */
public final class TenantFileWriter {

  private TenantFileWriter() {}

  /** Writes the file. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: TenantFileWriter FILE USERS DEVICES_PER_USER");
      System.exit(2);
    }
    List<User> users = BenchData.users(Integer.parseInt(args[1]));
    List<ManagedDevice> devices = BenchData.devices(users, Integer.parseInt(args[2]));
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      out.write("{\n  \"users\": [\n");
      for (int i = 0; i < users.size(); i++) {
        User u = users.get(i);
        out.write(
            "    {\"id\": \"%s\", \"userPrincipalName\": \"%s\", \"displayName\": \"%s\"}%s\n"
                .formatted(u.id(), u.userPrincipalName(), u.displayName(), comma(i, users)));
      }
      out.write("  ],\n  \"managedDevices\": [\n");
      for (int i = 0; i < devices.size(); i++) {
        ManagedDevice d = devices.get(i);
        out.write(
            ("    {\"id\": \"%s\", \"userId\": \"%s\", \"userPrincipalName\": \"%s\","
                    + " \"deviceName\": \"%s\", \"operatingSystem\": \"%s\", \"osVersion\": \"%s\","
                    + " \"managementState\": \"managed\", \"complianceState\": \"compliant\","
                    + " \"managedDeviceOwnerType\": \"company\", \"enrolledDateTime\": \"%s\","
                    + " \"lastSyncDateTime\": \"%s\", \"serialNumber\": \"%s\","
                    + " \"azureADDeviceId\": \"%s\", \"model\": \"%s\", \"manufacturer\": \"%s\","
                    + " \"deviceActionResults\": []}%s\n")
                .formatted(
                    d.id(),
                    d.userId(),
                    d.userPrincipalName(),
                    d.deviceName(),
                    d.operatingSystem(),
                    d.osVersion(),
                    d.enrolledDateTime(),
                    d.lastSyncDateTime(),
                    d.serialNumber(),
                    d.azureADDeviceId(),
                    d.model(),
                    d.manufacturer(),
                    comma(i, devices)));
      }
      out.write("  ]\n}\n");
    }
  }

  private static String comma(int index, List<?> list) {
    return index < list.size() - 1 ? "," : "";
  }
}
