package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link ManagedDevices} adapter must keep. Extend it in the adapter's tests and
 * return an adapter whose tenant holds exactly the given users and devices; JUnit runs the inherited
 * tests.
 *
 * <p>Adapter-agnostic: devices are compared as {@link DeviceView}s (values only, dates to the second,
 * action results regardless of order), never by identity, so an adapter talking HTTP to a seeded
 * server passes as well as an in-memory one. Such an adapter may override {@link #dateTolerance()}
 * when its server dates retire actions by its own clock rather than by the instant passed in.
 */
public abstract class ManagedDevicesContract {

  /** An adapter whose tenant holds exactly {@code users} and {@code devices}, and nothing else. */
  protected abstract ManagedDevices devicesWith(List<User> users, List<ManagedDevice> devices);

  /**
   * How far apart two dates may be (after truncation to seconds) and still count as equal; zero by
   * default, since {@link ManagedDevices#retireAll} dates the retire action at the instant it is given.
   */
  protected Duration dateTolerance() {
    return Duration.ZERO;
  }

  /** The instant the tests retire at: now, to the second, so a server's own clock stays close. */
  protected Instant retireAt() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Whether concurrent {@code retireAll} calls for one user are atomic, as the port promises. An
   * adapter that cannot promise it must say so by returning false, which skips that one test.
   */
  protected boolean retireAllIsAtomic() {
    return true;
  }

  private ManagedDevices tenant() {
    return devicesWith(ApplicationTestData.users(), ApplicationTestData.devices());
  }

  // ------------------------------------------------------------------ reading

  @Test
  public void givenTenant_whenListByUser_thenExactlyThatUsersDevicesOrderedById() {
    List<ManagedDevice> listed = tenant().listByUser(adele());

    assertThat(ids(listed)).hasSize(13).isSortedAccordingTo(Comparator.naturalOrder());
    assertSameDevices(listed, ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  public void givenTenant_whenListByOtherUser_thenOnlyThatUsersDevices() {
    ManagedDevices devices = tenant();

    List<ManagedDevice> listed = devices.listByUser(alex());

    assertSameDevices(listed, ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices()));
    assertThat(listed).allSatisfy(d -> assertThat(d.userId()).isEqualToIgnoringCase(alex().id()));
    assertThat(ids(listed)).doesNotContainAnyElementsOf(ids(devices.listByUser(adele())));
  }

  @Test
  public void givenUserWithoutDevices_whenListByUser_thenEmpty() {
    assertThat(tenant().listByUser(megan())).isEmpty();
  }

  @Test
  public void givenTenant_whenFindEachDeviceById_thenDeviceAsSeeded() {
    ManagedDevices devices = tenant();

    for (ManagedDevice seeded : ApplicationTestData.devices()) {
      assertThat(devices.findById(seeded.id()))
          .as("device %s", seeded.id())
          .hasValueSatisfying(found -> assertSameDevice(found, seeded));
    }
  }

  @Test
  public void givenTenant_whenFindByUnknownId_thenEmpty() {
    assertThat(tenant().findById(ApplicationTestData.unknownDeviceId())).isEmpty();
  }

  // ------------------------------------------------------------------ retire-all

  @Test
  public void givenDevicesInEveryState_whenRetireAll_thenRuleAppliedToEachDevice() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();
    List<ManagedDevice> seeded = ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices());

    RetireAllOutcome outcome = devices.retireAll(adele(), at);

    assertSameDevices(beforeOf(outcome), seeded);
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
  public void givenDevicesInEveryState_whenRetireAll_thenOutcomeNamesUserAndIsOrderedById() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(adele(), at);

    assertThat(outcome.userId()).isEqualToIgnoringCase(adele().id());
    assertThat(Duration.between(at, seconds(outcome.at())).abs())
        .isLessThanOrEqualTo(dateTolerance());
    assertThat(outcome.transitions().stream().map(DeviceTransition::deviceId).toList())
        .isSortedAccordingTo(Comparator.naturalOrder())
        .containsExactlyElementsOf(
            ids(ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices())));
  }

  @Test
  public void givenRetiredUser_whenRetireAllAgain_thenNothingChanges() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();
    RetireAllOutcome first = devices.retireAll(adele(), at);

    RetireAllOutcome second = devices.retireAll(adele(), at.plusSeconds(60));

    assertThat(first.changed()).hasSize(7);
    assertThat(second.changed()).isEmpty();
    assertThat(second.transitions()).hasSize(13);
    // the retire actions keep the first call's dates
    assertSameDevices(second.devicesAfter(), first.devicesAfter());
    assertSameDevices(devices.listByUser(adele()), first.devicesAfter());
  }

  @Test
  public void givenRetireAll_whenListingOtherUsersDevices_thenUntouched() {
    ManagedDevices devices = tenant();

    devices.retireAll(adele(), retireAt());

    assertSameDevices(
        devices.listByUser(alex()),
        ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices()));
    assertThat(devices.findById(ApplicationTestData.unassignedDevice().id()))
        .hasValueSatisfying(d -> assertSameDevice(d, ApplicationTestData.unassignedDevice()));
  }

  @Test
  public void givenOtherUserRetired_whenRetireAll_thenOnlyThatUsersDevicesInOutcome() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(alex(), at);

    assertThat(outcome.transitions().stream().map(DeviceTransition::deviceId).toList())
        .containsExactlyElementsOf(
            ids(ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices())));
    assertSameDevices(
        devices.listByUser(adele()),
        ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  public void givenRetireAll_whenListByUser_thenShowsNewStates() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();

    RetireAllOutcome outcome = devices.retireAll(adele(), at);

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
  public void givenRetireAll_whenFindById_thenShowsNewStateAndPendingRetireAction() {
    ManagedDevices devices = tenant();
    Instant at = retireAt();
    ManagedDevice failedBefore = ApplicationTestData.device(adele(), ManagementState.RETIRE_FAILED);
    ManagedDevice wipeBefore = ApplicationTestData.device(adele(), ManagementState.WIPE_PENDING);

    devices.retireAll(adele(), at);

    ManagedDevice failedAfter = devices.findById(failedBefore.id()).orElseThrow();
    assertSameDevice(failedAfter, RetireAllRule.applyTo(failedBefore, at));
    assertThat(failedAfter.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(failedAfter.deviceActionResults())
        .as("the failed retire is replaced, the sync kept")
        .extracting(DeviceActionResult::actionName, DeviceActionResult::actionState)
        .containsExactlyInAnyOrder(
            tuple("syncDevice", ActionState.DONE), tuple("retire", ActionState.PENDING));
    assertSameDevice(devices.findById(wipeBefore.id()).orElseThrow(), wipeBefore);
  }

  @Test
  public void givenUserWithoutDevices_whenRetireAll_thenEmptyOutcome() {
    ManagedDevices devices = tenant();

    RetireAllOutcome outcome = devices.retireAll(megan(), retireAt());

    assertThat(outcome.transitions()).isEmpty();
    assertThat(outcome.changed()).isEmpty();
    assertThat(outcome.userId()).isEqualToIgnoringCase(megan().id());
    assertThat(devices.listByUser(adele())).hasSize(13);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  public void givenConcurrentRetireAll_whenAllDone_thenEachDeviceChangedExactlyOnce()
      throws Exception {
    Assumptions.assumeTrue(retireAllIsAtomic(), "adapter does not promise atomic retireAll");
    ManagedDevices devices = tenant();
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
              return devices.retireAll(adele(), at);
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

  // ------------------------------------------------------------------ comparison

  /** A device as any adapter can round-trip it: values only, dates to the second, actions by name. */
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

    /** The view of {@code device}; action results sorted by name, as their order carries no meaning. */
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
      String actionName, ActionState actionState, Instant startDateTime, Instant lastUpdatedDateTime) {

    /** The view of {@code result}. */
    public static ActionView of(DeviceActionResult result) {
      return new ActionView(
          result.actionName(),
          result.actionState(),
          seconds(result.startDateTime()),
          seconds(result.lastUpdatedDateTime()));
    }
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Asserts both lists hold the same devices in the same order, compared as {@link DeviceView}s. */
  protected final void assertSameDevices(List<ManagedDevice> actual, List<ManagedDevice> expected) {
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
  protected final void assertSameDevice(ManagedDevice actual, ManagedDevice expected) {
    assertSameDevices(List.of(actual), List.of(expected));
  }

  private static List<ManagedDevice> beforeOf(RetireAllOutcome outcome) {
    return outcome.transitions().stream().map(DeviceTransition::before).toList();
  }

  private static List<String> ids(List<ManagedDevice> devices) {
    return devices.stream().map(ManagedDevice::id).toList();
  }
}
