package org.devicemanagement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one test-data factory of the domain module: users, devices and instants used by its tests.
 */
final class DomainTestData {

  /** The instant retire-all runs at in these tests. */
  static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");

  /** An instant well before {@link #NOW}, when earlier actions were recorded. */
  static final Instant EARLIER = Instant.parse("2025-05-01T08:00:00Z");

  static final String ADELE_ID = "6e7b768e-07e2-4810-8459-485f84f8f204";
  static final String ALEX_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

  private DomainTestData() {}

  static User adele() {
    return new User(ADELE_ID, "AdeleV@contoso.onmicrosoft.com", "Adele Vance");
  }

  static User alex() {
    return new User(ALEX_ID, "AlexW@contoso.onmicrosoft.com", "Alex Wilber");
  }

  /**
   * A fully populated device of Adele in {@code state}, carrying a sync result and no retire
   * result.
   */
  static ManagedDevice device(String id, ManagementState state) {
    return ManagedDevice.builder(id, ADELE_ID)
        .userPrincipalName(adele().userPrincipalName())
        .deviceName("DESKTOP-" + id)
        .operatingSystem("Windows")
        .osVersion("10.0.22631.3880")
        .managementState(state)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(Instant.parse("2024-01-15T09:30:00Z"))
        .lastSyncDateTime(Instant.parse("2025-06-01T22:05:11Z"))
        .serialNumber("SN-" + id)
        .azureADDeviceId("b5a0a9e0-4c7e-4e0f-8a38-0d0f8d7c" + "0001")
        .model("Surface Laptop 5")
        .manufacturer("Microsoft Corporation")
        .deviceActionResults(List.of(syncDone()))
        .build();
  }

  /** Like {@link #device} with an earlier result of {@code action} added after the sync result. */
  static ManagedDevice deviceWithEarlierAction(
      String id, ManagementState state, String action, ActionState actionState) {
    ManagedDevice device = device(id, state);
    List<DeviceActionResult> results = new ArrayList<>(device.deviceActionResults());
    results.add(new DeviceActionResult(action, actionState, EARLIER, EARLIER));
    return device.toBuilder().deviceActionResults(results).build();
  }

  /** A finished sync, an action retire-all must keep. */
  static DeviceActionResult syncDone() {
    return new DeviceActionResult("syncDevice", ActionState.DONE, EARLIER, EARLIER);
  }

  /**
   * One device of Adele in every management state, ids {@code dev-00} .. {@code dev-12} by value.
   */
  static List<ManagedDevice> oneDevicePerState() {
    List<ManagedDevice> devices = new ArrayList<>();
    for (ManagementState state : ManagementState.values()) {
      devices.add(device("dev-%02d".formatted(state.value()), state));
    }
    return devices;
  }
}
