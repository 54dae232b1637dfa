package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link DeviceRetirement} adapter must keep. Implement it in the adapter's
 * tests and return the adapter, over a tenant holding exactly the given users and devices, with the
 * ports that read its effects back; JUnit runs the inherited tests.
 */
public interface DeviceRetirementContract extends DeviceContractSupport {

  /**
   * The adapter under test and the ports of the same tenant that show what it changed.
   *
   * @param retirement the adapter under test
   * @param listing the same tenant's listing of a user's devices
   * @param lookup the same tenant's lookup of one device
   */
  record Retiring(
      DeviceRetirement retirement, UserDeviceListing listing, ManagedDeviceLookup lookup) {

    /** One adapter serving all three ports. */
    public static <T extends DeviceRetirement & UserDeviceListing & ManagedDeviceLookup>
        Retiring of(T adapter) {
      return new Retiring(adapter, adapter, adapter);
    }

    List<ManagedDevice> listByUser(User user) {
      return listing.listByUser(user);
    }

    java.util.Optional<ManagedDevice> findDeviceById(String deviceId) {
      return lookup.findDeviceById(deviceId);
    }

    RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
      return retirement.retireAll(user, at, audit);
    }
  }

  /** The adapter, over a tenant holding exactly {@code users} and {@code devices}. */
  Retiring retirementWith(List<User> users, List<ManagedDevice> devices);

  /**
   * Whether concurrent {@code retireAll} calls for one user are atomic, as the port promises. An
   * adapter that cannot promise it must say so by returning false, which skips that one test.
   */
  default boolean retireAllIsAtomic() {
    return true;
  }

  private Retiring tenant() {
    return retirementWith(ApplicationTestData.users(), ApplicationTestData.devices());
  }

  @Test
  default void givenDevicesInEveryState_whenRetireAll_thenRuleAppliedToEachDevice() {
    Retiring devices = tenant();
    Instant at = retireAt();
    List<ManagedDevice> seeded =
        ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices());

    RetireAllOutcome outcome = devices.retireAll(adele(), at, ApplicationTestData.audit());

    assertSameDevices(DeviceContractSupport.beforeOf(outcome), seeded);
    assertSameDevices(
        outcome.devicesAfter(), seeded.stream().map(d -> RetireAllRule.applyTo(d, at)).toList());
    assertThat(outcome.transitions())
        .filteredOn(DeviceTransition::changed)
        .extracting(DeviceTransition::stateBefore)
        .containsExactlyInAnyOrder(
            ManagementState.MANAGED,
            ManagementState.UNHEALTHY,
            ManagementState.DISCOVERED,
            ManagementState.RETIRE_FAILED,
            ManagementState.RETIRE_CANCELED,
            ManagementState.WIPE_FAILED,
            ManagementState.WIPE_CANCELED);
  }

  @Test
  default void givenDevicesInEveryState_whenRetireAll_thenOutcomeNamesUserAndIsOrderedById() {
    Retiring devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(adele(), at, ApplicationTestData.audit());

    assertThat(outcome.userId()).isEqualToIgnoringCase(adele().id());
    assertThat(Duration.between(at, DeviceContractSupport.seconds(outcome.at())).abs())
        .isLessThanOrEqualTo(dateTolerance());
    assertThat(outcome.transitions().stream().map(DeviceTransition::deviceId).toList())
        .isSortedAccordingTo(Comparator.naturalOrder())
        .containsExactlyElementsOf(
            DeviceContractSupport.ids(
                ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices())));
  }

  @Test
  default void givenRetiredUser_whenRetireAllAgain_thenNothingChanges() {
    Retiring devices = tenant();
    Instant at = retireAt();
    RetireAllOutcome first = devices.retireAll(adele(), at, ApplicationTestData.audit());

    RetireAllOutcome second =
        devices.retireAll(adele(), at.plusSeconds(60), ApplicationTestData.audit());

    assertThat(first.changed()).hasSize(7);
    assertThat(second.changed()).isEmpty();
    assertThat(second.transitions()).hasSize(13);
    // the retire actions keep the first call's dates
    assertSameDevices(second.devicesAfter(), first.devicesAfter());
    assertSameDevices(devices.listByUser(adele()), first.devicesAfter());
  }

  @Test
  default void givenRetireAll_whenListingOtherUsersDevices_thenUntouched() {
    Retiring devices = tenant();

    devices.retireAll(adele(), retireAt(), ApplicationTestData.audit());

    assertSameDevices(
        devices.listByUser(alex()),
        ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices()));
    assertThat(devices.findDeviceById(ApplicationTestData.unassignedDevice().id()))
        .hasValueSatisfying(d -> assertSameDevice(d, ApplicationTestData.unassignedDevice()));
  }

  @Test
  default void givenOtherUserRetired_whenRetireAll_thenOnlyThatUsersDevicesInOutcome() {
    Retiring devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(alex(), at, ApplicationTestData.audit());

    assertThat(outcome.transitions().stream().map(DeviceTransition::deviceId).toList())
        .containsExactlyElementsOf(
            DeviceContractSupport.ids(
                ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices())));
    assertSameDevices(
        devices.listByUser(adele()),
        ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  default void givenRetireAll_whenListByUser_thenShowsNewStates() {
    Retiring devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(adele(), at, ApplicationTestData.audit());

    List<ManagedDevice> listed = devices.listByUser(adele());
    assertSameDevices(listed, outcome.devicesAfter());
    assertThat(listed)
        .extracting(ManagedDevice::managementState)
        .containsOnly(
            ManagementState.RETIRE_PENDING,
            ManagementState.RETIRE_ISSUED,
            ManagementState.WIPE_PENDING,
            ManagementState.WIPE_ISSUED,
            ManagementState.DELETE_PENDING,
            ManagementState.UNKNOWN_FUTURE_VALUE);
  }

  @Test
  default void givenRetireAll_whenFindById_thenShowsNewStateAndPendingRetireAction() {
    Retiring devices = tenant();
    Instant at = retireAt();
    ManagedDevice failedBefore = ApplicationTestData.device(adele(), ManagementState.RETIRE_FAILED);
    ManagedDevice wipeBefore = ApplicationTestData.device(adele(), ManagementState.WIPE_PENDING);

    devices.retireAll(adele(), at, ApplicationTestData.audit());

    ManagedDevice failedAfter = devices.findDeviceById(failedBefore.id()).orElseThrow();
    assertSameDevice(failedAfter, RetireAllRule.applyTo(failedBefore, at));
    assertThat(failedAfter.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(failedAfter.deviceActionResults())
        .as("the failed retire is replaced, the sync kept")
        .extracting(DeviceActionResult::actionName, DeviceActionResult::actionState)
        .containsExactlyInAnyOrder(
            tuple("syncDevice", ActionState.DONE), tuple("retire", ActionState.PENDING));
    assertSameDevice(devices.findDeviceById(wipeBefore.id()).orElseThrow(), wipeBefore);
  }

  @Test
  default void givenUserWithoutDevices_whenRetireAll_thenEmptyOutcome() {
    Retiring devices = tenant();

    RetireAllOutcome outcome = devices.retireAll(megan(), retireAt(), ApplicationTestData.audit());

    assertThat(outcome.transitions()).isEmpty();
    assertThat(outcome.changed()).isEmpty();
    assertThat(outcome.userId()).isEqualToIgnoringCase(megan().id());
    assertThat(devices.listByUser(adele())).hasSize(13);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  default void givenConcurrentRetireAll_whenAllDone_thenEachDeviceChangedExactlyOnce()
      throws Exception {
    Assumptions.assumeTrue(retireAllIsAtomic(), "adapter does not promise atomic retireAll");
    Retiring devices = tenant();
    Instant at = retireAt();
    int callers = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<RetireAllOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Callable<RetireAllOutcome> call =
            () -> {
              start.await();
              return devices.retireAll(adele(), at, ApplicationTestData.audit());
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<String> changedIds = new ArrayList<>();
      for (Future<RetireAllOutcome> future : futures) {
        future.get(50, TimeUnit.SECONDS).changed().forEach(t -> changedIds.add(t.deviceId()));
      }

      assertThat(changedIds).hasSize(7).doesNotHaveDuplicates();
      assertSameDevices(
          devices.listByUser(adele()),
          ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()).stream()
              .map(d -> RetireAllRule.applyTo(d, at))
              .toList());
    } finally {
      pool.shutdownNow();
    }
  }
}
