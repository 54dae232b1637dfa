package org.devicemanagement.adapters.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/** The tenant the HTTP tests serve: three users and Adele's three devices, in memory. */
final class RestTenant {

  /** Owns {@link #adelesDevices()}; the delegated test tokens sign her in. */
  static final User ADELE =
      new User("4a9f1d2e-0b3c-4d5e-8f60-718293a4b5c6", "adele.vance@contoso.com", "Adele Vance");

  /** Owns no device. */
  static final User MEGAN =
      new User("5b0a2e3f-1c4d-4e6f-9071-8293a4b5c6d7", "megan.bowen@contoso.com", "Megan Bowen");

  /** Owns no device; the tests that need an unexpected failure make lookups of this user fail. */
  static final User BROKEN =
      new User("6c1b3f40-2d5e-4f70-a182-93a4b5c6d7e8", "broken@contoso.com", "Broken");

  private RestTenant() {}

  /** A fresh tenant of {@link #users()} and {@link #adelesDevices()}, as no test has changed it. */
  static InMemoryTenant create() {
    return InMemoryTenant.of(users(), adelesDevices());
  }

  /** Adele, Megan and Broken. */
  static List<User> users() {
    return List.of(ADELE, MEGAN, BROKEN);
  }

  /** Adele's three devices, in id order, one already retiring, one with a finished action. */
  static List<ManagedDevice> adelesDevices() {
    return List.of(
        device("a1000000-0000-4000-8000-000000000001", ADELE, ManagementState.MANAGED),
        device("a2000000-0000-4000-8000-000000000002", ADELE, ManagementState.RETIRE_PENDING),
        device("a3000000-0000-4000-8000-000000000003", ADELE, ManagementState.MANAGED)
            .withAction(
                ManagementState.MANAGED,
                new DeviceActionResult(
                    "syncDevice",
                    ActionState.DONE,
                    Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2025-01-01T00:05:00Z"))));
  }

  /** A company-owned, compliant Windows laptop of {@code user} in {@code state}. */
  static ManagedDevice device(String id, User user, ManagementState state) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName("DESKTOP-" + id.substring(0, 4).toUpperCase(Locale.ROOT))
        .operatingSystem("Windows")
        .osVersion("10.0.22631.3447")
        .managementState(state)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(Instant.parse("2024-01-02T03:04:05Z"))
        .serialNumber("SN-" + id.substring(0, 4))
        .azureADDeviceId("aad-" + id.substring(0, 4))
        .model("Surface Laptop 5")
        .manufacturer("Microsoft Corporation")
        .build();
  }
}
