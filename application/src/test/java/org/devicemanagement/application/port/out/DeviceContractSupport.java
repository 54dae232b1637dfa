package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;

/**
 * What the contracts of the device ports share: the instants they use and how they compare devices.
 * Devices are compared as {@link DeviceView}s (values only, dates to the second, action results
 * regardless of order), never by identity, so an adapter talking HTTP to a seeded server passes as
 * well as an in-memory one. Such an adapter may override {@link #dateTolerance()} when its server
 * dates retire actions by its own clock rather than by the instant passed in.
 */
public interface DeviceContractSupport {

  /**
   * How far apart two dates may be (after truncation to seconds) and still count as equal; zero by
   * default, since {@link DeviceRetirement#retireAll} dates the retire action at the instant it is
   * given.
   */
  default Duration dateTolerance() {
    return Duration.ZERO;
  }

  /** The instant the tests retire at: now, to the second, so a server's own clock stays close. */
  default Instant retireAt() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  // ------------------------------------------------------------------ comparison

  /**
   * A device as any adapter can round-trip it: values only, dates to the second, actions by name.
   */
  public record DeviceView(
      String id,
      String userId,
      String userPrincipalName,
      String deviceName,
      String operatingSystem,
      String osVersion,
      ManagementState managementState,
      ComplianceState complianceState,
      ManagedDeviceOwnerType managedDeviceOwnerType,
      Instant enrolledDateTime,
      Instant lastSyncDateTime,
      String serialNumber,
      String azureADDeviceId,
      String model,
      String manufacturer,
      List<ActionView> actions) {

    /**
     * The view of {@code device}; action results sorted by name, as their order carries no meaning.
     */
    public static DeviceView of(ManagedDevice device) {
      return new DeviceView(
          device.id(),
          device.userId(),
          device.userPrincipalName(),
          device.deviceName(),
          device.operatingSystem(),
          device.osVersion(),
          device.managementState(),
          device.complianceState(),
          device.managedDeviceOwnerType(),
          seconds(device.enrolledDateTime()),
          seconds(device.lastSyncDateTime()),
          device.serialNumber(),
          device.azureADDeviceId(),
          device.model(),
          device.manufacturer(),
          device.deviceActionResults().stream()
              .map(ActionView::of)
              .sorted(Comparator.comparing(a -> a.actionName().toLowerCase(Locale.ROOT)))
              .toList());
    }
  }

  /** A device action result with its dates to the second. */
  public record ActionView(
      String actionName,
      ActionState actionState,
      Instant startDateTime,
      Instant lastUpdatedDateTime) {

    /** The view of {@code result}. */
    public static ActionView of(DeviceActionResult result) {
      return new ActionView(
          result.actionName(),
          result.actionState(),
          seconds(result.startDateTime()),
          seconds(result.lastUpdatedDateTime()));
    }
  }

  /** {@code instant} to the second. */
  static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Asserts both lists hold the same devices in the same order, compared as {@link DeviceView}s.
   */
  default void assertSameDevices(List<ManagedDevice> actual, List<ManagedDevice> expected) {
    Duration tolerance = dateTolerance();
    assertThat(actual.stream().map(DeviceView::of).toList())
        .usingRecursiveComparison()
        .withComparatorForType(
            (Instant a, Instant b) ->
                Duration.between(a, b).abs().compareTo(tolerance) <= 0 ? 0 : a.compareTo(b),
            Instant.class)
        .isEqualTo(expected.stream().map(DeviceView::of).toList());
  }

  /** Asserts both are the same device, compared as {@link DeviceView}s. */
  default void assertSameDevice(ManagedDevice actual, ManagedDevice expected) {
    assertSameDevices(List.of(actual), List.of(expected));
  }

  /** The devices of {@code outcome} before the change. */
  static List<ManagedDevice> beforeOf(RetireAllOutcome outcome) {
    return outcome.transitions().stream().map(DeviceTransition::before).toList();
  }

  /** The ids of {@code devices}, in order. */
  static List<String> ids(List<ManagedDevice> devices) {
    return devices.stream().map(ManagedDevice::id).toList();
  }
}
