package org.devicemanagement.application.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.DailyRetireLimitExceededException;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tenant's daily limit on retired devices: all or nothing per retire-all, per UTC day. */
class DailyRetireLimitTest {

  private static final Instant MORNING = Instant.parse("2026-01-01T09:00:00Z");
  private static final Instant LAST_MILLISECOND = Instant.parse("2026-01-01T23:59:59.999Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-01-02T00:00:00Z");

  private final List<User> users = new ArrayList<>();
  private final List<ManagedDevice> devices = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static RetireAllAudit audit() {
    return ApplicationTestData.audit();
  }

  /** A user with {@code managed} managed devices and {@code wiping} devices under a wipe. */
  private User userWith(int managed, int wiping) {
    int n = users.size();
    User user =
        new User(
            "00000000-0000-4000-8000-%012d".formatted(n),
            "user%d@contoso.com".formatted(n),
            "User " + n);
    users.add(user);
    for (int i = 0; i < managed + wiping; i++) {
      devices.add(
          ManagedDevice.builder("%s-device-%04d".formatted(user.id(), i), user.id())
              .deviceName("DEV-%d-%d".formatted(n, i))
              .managementState(i < managed ? ManagementState.MANAGED : ManagementState.WIPE_PENDING)
              .build());
    }
    return user;
  }

  private static long retiring(FakeManagedDevices store, User user) {
    return store.listByUser(user).stream()
        .filter(d -> d.managementState() == ManagementState.RETIRE_PENDING)
        .count();
  }

  @Test
  void givenRetiresThatReachTheLimitExactly_whenRetireAll_thenAllAreRetiredAndCounted() {
    User first = userWith(6, 0);
    User second = userWith(4, 0);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DailyRetireLimit limit = new DailyRetireLimit(10);
    DeviceRetirement guarded = limit.guard(store, store, store);

    guarded.retireAll(first, MORNING, ApplicationTestData.audit());
    RetireAllOutcome outcome = guarded.retireAll(second, MORNING, ApplicationTestData.audit());

    assertThat(outcome.changedCount()).isEqualTo(4);
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(10);
  }

  @Test
  void
      givenARetireAllThatWouldPassTheLimit_whenRetireAll_thenNothingIsRetiredAndTheRefusalSaysWhy() {
    User first = userWith(990, 0);
    User second = userWith(11, 3);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DailyRetireLimit limit = DailyRetireLimit.intune();
    DeviceRetirement guarded = limit.guard(store, store, store);
    guarded.retireAll(first, MORNING, ApplicationTestData.audit());

    assertThatThrownBy(() -> guarded.retireAll(second, MORNING, ApplicationTestData.audit()))
        .isInstanceOfSatisfying(
            DailyRetireLimitExceededException.class,
            refused -> {
              assertThat(refused.limit()).isEqualTo(1_000);
              assertThat(refused.retiredToday()).isEqualTo(990);
              assertThat(refused.requested()).isEqualTo(11);
              assertThat(refused.resetsAt()).isEqualTo(MIDNIGHT);
              assertThat(refused.code()).isEqualTo("DAILY_RETIRE_LIMIT_EXCEEDED");
              assertThat(refused)
                  .hasMessage(
                      "The tenant's daily limit of 1,000 retired devices would be passed: 990"
                          + " devices were retired today (UTC) and this request would retire 11"
                          + " more, so none was retired. The count starts again at midnight UTC"
                          + " (2026-01-02T00:00:00Z).");
            });
    assertThat(retiring(store, second)).isZero();
    assertThat(store.retireAllCalls()).isEqualTo(1);
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(990);
  }

  @Test
  void givenTheLimitReached_whenMidnightUtcPasses_thenTheCountStartsAgain() {
    User first = userWith(10, 0);
    User second = userWith(1, 0);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DailyRetireLimit limit = new DailyRetireLimit(10);
    DeviceRetirement guarded = limit.guard(store, store, store);
    guarded.retireAll(first, MORNING, ApplicationTestData.audit());

    assertThatThrownBy(
            () -> guarded.retireAll(second, LAST_MILLISECOND, ApplicationTestData.audit()))
        .isInstanceOf(DailyRetireLimitExceededException.class);
    RetireAllOutcome afterMidnight =
        guarded.retireAll(second, MIDNIGHT, ApplicationTestData.audit());

    assertThat(afterMidnight.changedCount()).isEqualTo(1);
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MIDNIGHT)).isEqualTo(1);
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(10);
  }

  @Test
  void givenDevicesAlreadyRetiringOrUnderAWipe_whenRetireAll_thenOnlyTheDevicesItChangesCount() {
    User user = userWith(3, 2);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DailyRetireLimit limit = new DailyRetireLimit(3);
    DeviceRetirement guarded = limit.guard(store, store, store);

    guarded.retireAll(user, MORNING, ApplicationTestData.audit());
    RetireAllOutcome again =
        guarded.retireAll(user, MORNING.plusSeconds(60), ApplicationTestData.audit());

    assertThat(again.changedCount()).isZero();
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(3);
  }

  @Test
  void givenTheLimitReached_whenRetireAllChangesNothing_thenItIsAnsweredAsUsual() {
    User retired = userWith(2, 0);
    User wiping = userWith(0, 2);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DeviceRetirement guarded = new DailyRetireLimit(2).guard(store, store, store);
    guarded.retireAll(retired, MORNING, ApplicationTestData.audit());

    assertThat(guarded.retireAll(retired, MORNING, ApplicationTestData.audit()).changedCount())
        .isZero();
    assertThat(guarded.retireAll(wiping, MORNING, ApplicationTestData.audit()).changedCount())
        .isZero();
  }

  @Test
  void givenRetiresInTheTrail_whenANewLimitGuardsTheSameTrail_thenTheyCount() {
    User first = userWith(2, 0);
    User second = userWith(1, 0);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    new DailyRetireLimit(2).guard(store, store, store).retireAll(first, MORNING, audit());

    // A restart: a fresh limit, the same trail.
    DeviceRetirement restarted = new DailyRetireLimit(2).guard(store, store, store);

    assertThatThrownBy(() -> restarted.retireAll(second, MORNING, audit()))
        .isInstanceOfSatisfying(
            DailyRetireLimitExceededException.class,
            refused -> assertThat(refused.retiredToday()).isEqualTo(2));
    assertThat(retiring(store, second)).isZero();
  }

  @Test
  void givenRefusedAndEmptyRetireAllsInTheTrail_whenCounted_thenOnlyTheDevicesChangedCount() {
    User user = userWith(2, 0);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    store.record(audit().refused(MORNING, "MISSING_PERMISSION"));
    DeviceRetirement guarded = new DailyRetireLimit(2).guard(store, store, store);
    guarded.retireAll(user, MORNING, audit());
    guarded.retireAll(user, MORNING, audit());

    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(2);
    assertThat(store.events()).hasSize(3);
  }

  @Test
  void givenManyConcurrentRetireAlls_whenTogetherTheyWouldPassTheLimit_thenTheRetiredNeverPassIt()
      throws Exception {
    for (int i = 0; i < 40; i++) {
      userWith(3 + i % 4, 1);
    }
    FakeManagedDevices store = new FakeManagedDevices(devices);
    DailyRetireLimit limit = new DailyRetireLimit(100);
    DeviceRetirement guarded = limit.guard(store, store, store);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (User user : users) {
      // Each user twice, so that concurrent retire-alls of one user are among them too.
      for (int twice = 0; twice < 2; twice++) {
        calls.add(
            () -> {
              try {
                return guarded.retireAll(user, MORNING, ApplicationTestData.audit()).changedCount();
              } catch (DailyRetireLimitExceededException refused) {
                return 0;
              }
            });
      }
    }

    int changed = 0;
    for (Future<Integer> call : threads.invokeAll(calls)) {
      changed += call.get();
    }

    long retired =
        store.all().stream()
            .filter(d -> d.managementState() == ManagementState.RETIRE_PENDING)
            .count();
    assertThat(retired).isEqualTo(changed).isLessThanOrEqualTo(100).isGreaterThan(100 - 6);
    assertThat(DailyRetireLimit.retiredOnDayOf(store, MORNING)).isEqualTo(changed);
    for (User user : users) {
      // All or nothing per user: every retire-all either changed all its devices or none.
      assertThat(retiring(store, user)).isIn(0L, (long) store.listByUser(user).size() - 1);
    }
  }

  @Test
  void
      givenTheRetireAllServiceOverALimitedRetirement_whenTheLimitWouldBePassed_thenTheRefusalReachesTheCaller() {
    User admin = userWith(0, 0);
    User user = userWith(3, 0);
    FakeManagedDevices store = new FakeManagedDevices(devices);
    RemoveAllDevicesFromManagementService service =
        new RemoveAllDevicesFromManagementService(
            new PermissionPolicy(PermissionCatalog.seed()),
            new FakeUserDirectory(users),
            new DailyRetireLimit(2).guard(store, store, store),
            store,
            Clock.fixed(MORNING, ZoneOffset.UTC));
    Caller caller =
        Caller.delegated(
            "tenant",
            Optional.of(admin.id()),
            Optional.of(admin.userPrincipalName()),
            Set.of(Permissions.PRIVILEGED_OPERATIONS_ALL));

    assertThatThrownBy(
            () ->
                service.removeAllDevicesFromManagement(
                    new RemoveAllDevicesFromManagementCommand(
                        caller,
                        UserReference.parse(user.userPrincipalName().toUpperCase(Locale.ROOT)))))
        .isInstanceOf(DailyRetireLimitExceededException.class)
        .hasMessageContaining("would retire 3 more");
    assertThat(retiring(store, user)).isZero();
    assertThat(store.events())
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.activityType()).isEqualTo(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE);
              assertThat(refusal.activityResult()).isEqualTo(AuditEvents.FAILURE);
              assertThat(refusal.activity()).contains("DAILY_RETIRE_LIMIT_EXCEEDED");
              assertThat(refusal.activityDateTime()).isEqualTo(MORNING);
              assertThat(refusal.resources()).isEmpty();
            });
  }
}
