package org.devicemanagement.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/**
 * The tenant a test starts from, built in code or read from a tenant file; each {@link #create()}
 * gives a fresh copy, so every test can start from the same state.
 */
public final class TestTenant {

  private final Supplier<InMemoryTenant> factory;
  private final String description;

  private TestTenant(Supplier<InMemoryTenant> factory, String description) {
    this.factory = factory;
    this.description = description;
  }

  /** The bundled demo tenant (contoso.com: Adele, Alex, Megan...), as {@code serve} starts with. */
  public static TestTenant demo() {
    return new TestTenant(TenantFile::demo, "the demo tenant");
  }

  /** The tenant of a tenant file (the format of {@code serve --tenant}). */
  public static TestTenant fromFile(Path tenantFile) {
    Objects.requireNonNull(tenantFile, "tenantFile");
    return new TestTenant(() -> TenantFile.load(tenantFile), "tenant file " + tenantFile);
  }

  /** Starts a tenant built in code. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The object id the builder gives the user {@code userPrincipalName}: a GUID derived from the
   * name, so a test can name users by sign-in name and still know their ids.
   */
  public static String userId(String userPrincipalName) {
    return guid("user:" + userPrincipalName.toLowerCase(Locale.ROOT));
  }

  /** A fresh tenant in the starting state. */
  public InMemoryTenant create() {
    return factory.get();
  }

  @Override
  public String toString() {
    return description;
  }

  private static String guid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Builds a tenant of users and their devices; ids derive from names unless given. */
  public static final class Builder {
    private static final Instant ENROLLED = Instant.parse("2026-01-05T09:00:00Z");
    private final List<User> users = new ArrayList<>();
    private final List<ManagedDevice> devices = new ArrayList<>();

    private Builder() {}

    /** A user named {@code userPrincipalName}, with the id {@link #userId} gives. */
    public Builder user(String userPrincipalName) {
      String name = userPrincipalName.substring(0, Math.max(0, userPrincipalName.indexOf('@')));
      return user(userPrincipalName, name.isEmpty() ? userPrincipalName : name);
    }

    /** A user named {@code userPrincipalName} with a display name. */
    public Builder user(String userPrincipalName, String displayName) {
      users.add(new User(userId(userPrincipalName), userPrincipalName, displayName));
      return this;
    }

    /** A managed, compliant, company-owned Windows device of the user {@code userPrincipalName}. */
    public Builder device(String userPrincipalName, String deviceName) {
      return device(userPrincipalName, deviceName, ManagementState.MANAGED);
    }

    /** A device of the user {@code userPrincipalName} in {@code state}. */
    public Builder device(String userPrincipalName, String deviceName, ManagementState state) {
      String id = guid("device:" + userPrincipalName.toLowerCase(Locale.ROOT) + ":" + deviceName);
      return device(
          ManagedDevice.builder(id, userId(userPrincipalName))
              .userPrincipalName(userPrincipalName)
              .deviceName(deviceName)
              .operatingSystem("Windows")
              .osVersion("10.0.26100.2605")
              .managementState(state)
              .complianceState(ComplianceState.COMPLIANT)
              .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
              .enrolledDateTime(ENROLLED)
              .lastSyncDateTime(ENROLLED)
              .build());
    }

    /** A device exactly as given (its {@code userId} must name a user of this tenant, or be ""). */
    public Builder device(ManagedDevice device) {
      devices.add(Objects.requireNonNull(device, "device"));
      return this;
    }

    /**
     * The tenant; fails with a message naming the entry if two users or devices clash, or a device
     * names no user.
     */
    public TestTenant build() {
      List<User> usersNow = List.copyOf(users);
      List<ManagedDevice> devicesNow = List.copyOf(devices);
      InMemoryTenant.of(usersNow, devicesNow);
      return new TestTenant(
          () -> InMemoryTenant.of(usersNow, devicesNow),
          "a tenant of %d users and %d devices".formatted(usersNow.size(), devicesNow.size()));
    }
  }
}
