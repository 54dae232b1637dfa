package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE;
import static org.devicemanagement.adapters.memory.MemoryTestData.ALEX;
import static org.devicemanagement.adapters.memory.MemoryTestData.PRADEEP;
import static org.devicemanagement.adapters.memory.MemoryTestData.device;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The retire lifecycle on a virtual clock over simulated days: devices with various check-in
 * intervals (offline ones included), retire-all, and the clock moved by an hour, eight hours and
 * days.
 */
class InMemoryTenantLifecycleTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Adele: a laptop on the default 8 h, a phone every 15 minutes, an offline tablet, a device under
   * a wipe. Alex: a daily desktop. Pradeep: one device checking in every 8 h, never retired.
   */
  private static InMemoryTenant tenant() {
    InMemoryTenant tenant =
        InMemoryTenant.of(
            List.of(ADELE, ALEX, PRADEEP),
            List.of(
                device("adele-laptop", ADELE, ManagementState.MANAGED),
                every(
                    device("adele-phone", ADELE, ManagementState.MANAGED), Duration.ofMinutes(15)),
                offline(device("adele-tablet", ADELE, ManagementState.MANAGED)),
                device("adele-wiped", ADELE, ManagementState.WIPE_PENDING),
                every(device("alex-desktop", ALEX, ManagementState.MANAGED), Duration.ofDays(1)),
                device("pradeep-laptop", PRADEEP, ManagementState.MANAGED)));
    tenant.planCheckIns(START);
    return tenant;
  }

  private static ManagedDevice every(ManagedDevice device, Duration interval) {
    return device.toBuilder().checkInInterval(Optional.of(interval)).build();
  }

  private static ManagedDevice offline(ManagedDevice device) {
    return device.toBuilder().checkInInterval(Optional.empty()).build();
  }

  private static void advance(VirtualClock clock, InMemoryTenant tenant, Duration by) {
    clock.advance(by, tenant::runCheckInsDue);
  }

  private static List<String> ids(InMemoryTenant tenant, User user) {
    return tenant.listByUser(user).stream().map(ManagedDevice::id).toList();
  }

  @Test
  void givenDevicesOnTheirIntervals_whenDaysPass_thenLastSyncFollowsEachSchedule() {
    InMemoryTenant tenant = tenant();
    VirtualClock clock = new VirtualClock(START);

    advance(clock, tenant, Duration.ofHours(1));

    assertThat(tenant.findDeviceById("adele-phone").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(tenant.findDeviceById("adele-laptop").orElseThrow().lastSyncDateTime())
        .isEqualTo(ManagedDevice.UNSET_DATE_TIME);

    advance(clock, tenant, Duration.ofHours(8));

    assertThat(tenant.findDeviceById("adele-laptop").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(8)));
    assertThat(tenant.findDeviceById("adele-phone").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(9)));

    advance(clock, tenant, Duration.ofDays(3));

    Instant now = START.plus(Duration.ofHours(9)).plus(Duration.ofDays(3));
    assertThat(tenant.findDeviceById("adele-laptop").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(80)));
    assertThat(tenant.findDeviceById("alex-desktop").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofDays(3)));
    assertThat(tenant.findDeviceById("adele-phone").orElseThrow().lastSyncDateTime())
        .isEqualTo(now);
    assertThat(tenant.findDeviceById("adele-tablet").orElseThrow().lastSyncDateTime())
        .as("offline: never checks in")
        .isEqualTo(ManagedDevice.UNSET_DATE_TIME);
    assertThat(tenant.nextCheckIn()).contains(now.plus(Duration.ofMinutes(15)));
  }

  @Test
  void givenRetireAll_whenEachDeviceChecksIn_thenItsRetireCompletesAndItLeavesTheTenant() {
    InMemoryTenant tenant = tenant();
    VirtualClock clock = new VirtualClock(START);
    advance(clock, tenant, Duration.ofMinutes(30));
    Instant retiredAt = clock.instant();
    tenant.retireAll(ADELE, retiredAt, ApplicationTestData.audit());

    advance(clock, tenant, Duration.ofMinutes(15));

    assertThat(ids(tenant, ADELE))
        .as("the phone checked in at 00:45 and left; the others wait for theirs")
        .containsExactly("adele-laptop", "adele-tablet", "adele-wiped");
    assertThat(tenant.findDeviceById("adele-phone")).isEmpty();

    advance(clock, tenant, Duration.ofHours(8));

    assertThat(ids(tenant, ADELE))
        .as("the laptop left at 08:00; the offline tablet stays pending; the wipe is untouched")
        .containsExactly("adele-tablet", "adele-wiped");
    ManagedDevice tablet = tenant.findDeviceById("adele-tablet").orElseThrow();
    assertThat(tablet.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(tablet.deviceActionResults())
        .containsExactly(DeviceActionResult.retirePending(retiredAt));
    ManagedDevice wiped = tenant.findDeviceById("adele-wiped").orElseThrow();
    assertThat(wiped.managementState()).isEqualTo(ManagementState.WIPE_PENDING);
    assertThat(wiped.lastSyncDateTime()).isEqualTo(START.plus(Duration.ofHours(8)));

    advance(clock, tenant, Duration.ofDays(30));

    assertThat(ids(tenant, ADELE)).containsExactly("adele-tablet", "adele-wiped");
    assertThat(ids(tenant, ALEX)).containsExactly("alex-desktop");
    assertThat(ids(tenant, PRADEEP)).containsExactly("pradeep-laptop");
    assertThat(tenant.deviceCount()).isEqualTo(4);
  }

  @Test
  void givenRetiredDevice_whenCheckedInByHand_thenOutcomeSaysItLeftWithItsRetireDone() {
    InMemoryTenant tenant = tenant();
    tenant.retireAll(ADELE, START, ApplicationTestData.audit());
    Instant at = START.plusSeconds(60);

    var outcome = tenant.checkIn("ADELE-TABLET", at).orElseThrow();

    assertThat(outcome.leftIntune()).isTrue();
    assertThat(outcome.after().deviceActionResults())
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.actionState()).isEqualTo(ActionState.DONE);
              assertThat(result.lastUpdatedDateTime()).isEqualTo(at);
            });
    assertThat(tenant.findDeviceById("adele-tablet")).isEmpty();
    assertThat(tenant.checkIn("adele-tablet", at)).isEmpty();
  }

  @Test
  void givenDeviceCheckedInByHand_whenItsScheduleComes_thenItStillChecksInThen() {
    InMemoryTenant tenant = tenant();
    VirtualClock clock = new VirtualClock(START);
    tenant.checkIn("adele-laptop", START.plusSeconds(10));

    advance(clock, tenant, Duration.ofHours(8));

    assertThat(tenant.findDeviceById("adele-laptop").orElseThrow().lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(8)));
  }

  @Test
  void givenChecksInsDueAtTheSameInstantAndLater_whenRun_thenInTimeOrderAndCounted() {
    InMemoryTenant tenant = tenant();

    int ran = tenant.runCheckInsDue(START.plus(Duration.ofHours(1)));

    assertThat(ran).as("the phone, four times").isEqualTo(4);
    assertThat(tenant.runCheckInsDue(START.plus(Duration.ofHours(1)))).isZero();
    assertThat(tenant.nextCheckIn()).contains(START.plus(Duration.ofMinutes(75)));
  }
}
