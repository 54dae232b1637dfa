package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditField;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.CheckInOutcome;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CheckIns} adapter must keep: devices check in on their own intervals in
 * time order, a retire completes at the device's check-in and the device leaves the tenant with the
 * completion in the same tenant's audit trail, and a check-in by hand leaves the schedule as it
 * was. Implement it in the adapter's tests; JUnit runs the inherited tests.
 */
public interface CheckInsContract {

  /** The adapter under test and the same tenant's ports that show what its check-ins did. */
  record Checking(
      CheckIns checkIns,
      ManagedDeviceLookup lookup,
      UserDeviceListing listing,
      DeviceRetirement retirement,
      AuditTrail trail) {

    /** One adapter serving every port. */
    public static <
            T extends
                CheckIns & ManagedDeviceLookup & UserDeviceListing & DeviceRetirement & AuditTrail>
        Checking of(T adapter) {
      return new Checking(adapter, adapter, adapter, adapter, adapter);
    }

    ManagedDevice device(String id) {
      return lookup.findDeviceById(id).orElseThrow();
    }

    List<String> ids(User user) {
      return listing.listByUser(user).stream().map(ManagedDevice::id).toList();
    }
  }

  /** The adapter, over a tenant holding exactly {@code users} and {@code devices}, none planned. */
  Checking checkInsWith(List<User> users, List<ManagedDevice> devices);

  /** When the tests' tenant is planned. */
  Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static ManagedDevice device(String id, User user, Optional<Duration> interval) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName(id)
        .checkInInterval(interval)
        .build();
  }

  /**
   * Adele: a laptop on the default 8 h, a phone every 15 minutes, an offline tablet, a device under
   * a wipe. Alex: a daily desktop. Planned from {@link #START}.
   */
  private Checking tenant() {
    User adele = ApplicationTestData.adele();
    User alex = ApplicationTestData.alex();
    Checking tenant =
        checkInsWith(
            List.of(adele, alex),
            List.of(
                device("adele-laptop", adele, ManagedDevice.DEFAULT_CHECK_IN_INTERVAL),
                device("adele-phone", adele, Optional.of(Duration.ofMinutes(15))),
                device("adele-tablet", adele, Optional.empty()),
                device("adele-wiped", adele, ManagedDevice.DEFAULT_CHECK_IN_INTERVAL).toBuilder()
                    .managementState(ManagementState.WIPE_PENDING)
                    .build(),
                device("alex-desktop", alex, Optional.of(Duration.ofDays(1)))));
    tenant.checkIns().planCheckIns(START);
    return tenant;
  }

  private static void advance(VirtualClock clock, Checking tenant, Duration by) {
    clock.advance(by, tenant.checkIns()::runCheckInsDue);
  }

  @Test
  default void givenPlannedTenant_whenNextCheckInAsked_thenTheEarliestDevicesInterval() {
    Checking tenant = tenant();

    assertThat(tenant.checkIns().nextCheckIn()).contains(START.plus(Duration.ofMinutes(15)));

    tenant.checkIns().planCheckIns(START.plusSeconds(1));

    assertThat(tenant.checkIns().nextCheckIn())
        .as("planning again forgets the earlier plans")
        .contains(START.plusSeconds(1).plus(Duration.ofMinutes(15)));
  }

  @Test
  default void givenDevicesOnTheirIntervals_whenDaysPass_thenLastSyncFollowsEachSchedule() {
    Checking tenant = tenant();
    VirtualClock clock = new VirtualClock(START);

    advance(clock, tenant, Duration.ofHours(1));

    assertThat(tenant.device("adele-phone").lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(tenant.device("adele-laptop").lastSyncDateTime())
        .isEqualTo(ManagedDevice.UNSET_DATE_TIME);

    advance(clock, tenant, Duration.ofDays(3));

    Instant now = START.plus(Duration.ofHours(1)).plus(Duration.ofDays(3));
    assertThat(tenant.device("adele-laptop").lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofDays(3)));
    assertThat(tenant.device("alex-desktop").lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofDays(3)));
    assertThat(tenant.device("adele-phone").lastSyncDateTime()).isEqualTo(now);
    assertThat(tenant.device("adele-tablet").lastSyncDateTime())
        .as("offline: never checks in")
        .isEqualTo(ManagedDevice.UNSET_DATE_TIME);
    assertThat(tenant.checkIns().nextCheckIn()).contains(now.plus(Duration.ofMinutes(15)));
  }

  @Test
  default void givenChecksInsDue_whenRun_thenCountedAndNotRunTwice() {
    Checking tenant = tenant();

    int ran = tenant.checkIns().runCheckInsDue(START.plus(Duration.ofHours(1)));

    assertThat(ran).as("the phone, four times").isEqualTo(4);
    assertThat(tenant.checkIns().runCheckInsDue(START.plus(Duration.ofHours(1)))).isZero();
    assertThat(tenant.checkIns().nextCheckIn()).contains(START.plus(Duration.ofMinutes(75)));
  }

  @Test
  default void givenRetireAll_whenEachDeviceChecksIn_thenItLeavesWithItsCompletionRecorded() {
    Checking tenant = tenant();
    User adele = ApplicationTestData.adele();
    VirtualClock clock = new VirtualClock(START);
    advance(clock, tenant, Duration.ofMinutes(30));
    Instant retiredAt = clock.instant();
    tenant.retirement().retireAll(adele, retiredAt, ApplicationTestData.audit());

    advance(clock, tenant, Duration.ofMinutes(15));

    assertThat(tenant.ids(adele))
        .as("the phone checked in at 00:45 and left; the others wait for theirs")
        .containsExactly("adele-laptop", "adele-tablet", "adele-wiped");
    assertThat(tenant.lookup().findDeviceById("adele-phone")).isEmpty();

    advance(clock, tenant, Duration.ofHours(8));

    assertThat(tenant.ids(adele)).containsExactly("adele-tablet", "adele-wiped");
    ManagedDevice tablet = tenant.device("adele-tablet");
    assertThat(tablet.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(tablet.deviceActionResults())
        .containsExactly(DeviceActionResult.retirePending(retiredAt));
    assertThat(tenant.device("adele-wiped").lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(8)));
    List<AuditEvent> completions =
        tenant
            .trail()
            .searchEvents(
                new AuditQuery(
                    Optional.of(
                        new AuditFilter.Text(
                            AuditField.ACTIVITY_TYPE,
                            true,
                            AuditEvents.RETIRE_COMPLETED_ACTIVITY_TYPE)),
                    false),
                10,
                Optional.empty())
            .events();
    assertThat(completions)
        .extracting(e -> e.resources().get(0).resourceId(), AuditEvent::activityDateTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("adele-phone", START.plus(Duration.ofMinutes(45))),
            org.assertj.core.groups.Tuple.tuple("adele-laptop", START.plus(Duration.ofHours(8))));
    assertThat(completions.get(0).actor()).isEqualTo(AuditEvents.system());
  }

  @Test
  default void givenRetiredDevice_whenCheckedInByHand_thenItLeavesWithItsRetireDoneAndRecorded() {
    Checking tenant = tenant();
    tenant.retirement().retireAll(ApplicationTestData.adele(), START, ApplicationTestData.audit());
    Instant at = START.plusSeconds(60);

    CheckInOutcome outcome = tenant.checkIns().checkIn("ADELE-TABLET", at).orElseThrow();

    assertThat(outcome.leftIntune()).isTrue();
    assertThat(outcome.after().deviceActionResults())
        .singleElement()
        .satisfies(
            result -> {
              assertThat(result.actionState()).isEqualTo(ActionState.DONE);
              assertThat(result.startDateTime()).isEqualTo(START);
              assertThat(result.lastUpdatedDateTime()).isEqualTo(at);
            });
    assertThat(tenant.lookup().findDeviceById("adele-tablet")).isEmpty();
    assertThat(tenant.checkIns().checkIn("adele-tablet", at)).isEmpty();
    assertThat(
            tenant
                .trail()
                .searchEvents(AuditQuery.ALL, 10, Optional.empty())
                .events()
                .get(0)
                .activityType())
        .isEqualTo(AuditEvents.RETIRE_COMPLETED_ACTIVITY_TYPE);
  }

  @Test
  default void givenDeviceCheckedInByHand_whenItsScheduleComes_thenItStillChecksInThen() {
    Checking tenant = tenant();
    VirtualClock clock = new VirtualClock(START);
    CheckInOutcome outcome =
        tenant.checkIns().checkIn("adele-laptop", START.plusSeconds(10)).orElseThrow();

    assertThat(outcome.leftIntune()).isFalse();
    assertThat(tenant.device("adele-laptop").lastSyncDateTime()).isEqualTo(START.plusSeconds(10));

    advance(clock, tenant, Duration.ofHours(8));

    assertThat(tenant.device("adele-laptop").lastSyncDateTime())
        .isEqualTo(START.plus(Duration.ofHours(8)));
  }

  @Test
  default void givenUnknownDevice_whenCheckedInByHand_thenEmpty() {
    assertThat(tenant().checkIns().checkIn("no-such-device", START)).isEmpty();
  }
}
