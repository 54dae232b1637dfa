package org.devicemanagement.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.composition.ApplicationModule;
import org.devicemanagement.bootstrap.composition.EmulatorModule;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * Many threads retire, list and read devices of many users at once on the in-memory tenant, through
 * the application services: every retirable device is retired exactly once, reads never see a torn
 * state, nothing deadlocks, and the run ends within a bound.
 */
class ConcurrentRetireAllStressTest {

  private static final int USERS = 40;
  private static final int DEVICES_PER_USER = 6;
  private static final int THREADS = 12;
  private static final int OPERATIONS_PER_THREAD = 1_500;
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final String TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";

  @Test
  void givenManyThreadsAndUsers_whenRetireListAndGetInterleave_thenEachRetirableDeviceRetiresOnce()
      throws Exception {
    List<User> users = new ArrayList<>();
    List<ManagedDevice> devices = new ArrayList<>();
    ManagementState[] states = ManagementState.values();
    for (int u = 0; u < USERS; u++) {
      User user =
          new User(
              "5a000000-0000-4000-8000-%012d".formatted(u),
              "user%02d@stress.example".formatted(u),
              "U" + u);
      users.add(user);
      for (int d = 0; d < DEVICES_PER_USER; d++) {
        devices.add(
            BootstrapTestData.device(
                "5d000000-0000-4000-8000-%08d%04d".formatted(u, d),
                user,
                states[(u * DEVICES_PER_USER + d) % states.length]));
      }
    }
    Map<String, ManagedDevice> initial =
        devices.stream().collect(Collectors.toMap(ManagedDevice::id, d -> d));
    InMemoryTenant tenant = InMemoryTenant.of(users, devices);
    Injector injector =
        Guice.createInjector(
            new ApplicationModule(PermissionCatalog.named("seed")),
            new EmulatorModule(
                ServedTenant.inMemory(tenant, "test"), new com.nimbusds.jose.jwk.JWKSet()));
    RemoveAllDevicesFromManagementUseCase retire =
        injector.getInstance(RemoveAllDevicesFromManagementUseCase.class);
    ListManagedDevicesUseCase list = injector.getInstance(ListManagedDevicesUseCase.class);
    GetManagedDeviceUseCase get = injector.getInstance(GetManagedDeviceUseCase.class);
    Caller caller =
        Caller.delegated(
            TENANT_ID,
            Optional.of(BootstrapTestData.ADELE_ID),
            Optional.empty(),
            Set.of(Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL));

    ConcurrentLinkedQueue<DeviceTransition> changes = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    Set<String> retiredUsers = ConcurrentHashMap.newKeySet();
    AtomicInteger operations = new AtomicInteger();
    CyclicBarrier startTogether = new CyclicBarrier(THREADS);
    CountDownLatch finished = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      long seed = 0x5EED_0000L + t;
      Thread thread =
          new Thread(
              () -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                  startTogether.await(10, TimeUnit.SECONDS);
                  for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                    User user = users.get(random.nextInt(users.size()));
                    // Half the calls name the user by id, half by sign-in name, as callers do.
                    UserReference ref =
                        UserReference.parse(
                            random.nextBoolean() ? user.id() : user.userPrincipalName());
                    int kind = random.nextInt(10);
                    if (kind < 3) {
                      RetireAllOutcome outcome =
                          retire.removeAllDevicesFromManagement(
                              new RemoveAllDevicesFromManagementCommand(caller, ref));
                      changes.addAll(outcome.changed());
                      retiredUsers.add(user.id());
                      // What this thread just did must be visible to it at once.
                      checkAllRetirableArePending(
                          list.listManagedDevices(
                                  new ListManagedDevicesQuery(
                                      caller,
                                      Optional.of(ref),
                                      DeviceQuery.ALL,
                                      1000,
                                      Optional.empty()))
                              .devices(),
                          initial,
                          violations);
                    } else if (kind < 7) {
                      List<ManagedDevice> seen =
                          list.listManagedDevices(
                                  new ListManagedDevicesQuery(
                                      caller,
                                      Optional.of(ref),
                                      DeviceQuery.ALL,
                                      1000,
                                      Optional.empty()))
                              .devices();
                      if (seen.size() != DEVICES_PER_USER) {
                        violations.add(
                            "list of %s saw %d devices".formatted(user.id(), seen.size()));
                      }
                      seen.forEach(d -> checkBeforeOrAfter(d, initial, violations));
                    } else {
                      String deviceId =
                          "5d000000-0000-4000-8000-%08d%04d"
                              .formatted(users.indexOf(user), random.nextInt(DEVICES_PER_USER));
                      checkBeforeOrAfter(
                          get.getManagedDevice(new GetManagedDeviceQuery(caller, deviceId)),
                          initial,
                          violations);
                    }
                    operations.incrementAndGet();
                  }
                } catch (Exception | AssertionError e) {
                  violations.add("thread failed: " + e);
                } finally {
                  finished.countDown();
                }
              },
              "stress-" + t);
      threads.add(thread);
      thread.start();
    }

    boolean done = finished.await(BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      threads.forEach(Thread::interrupt);
    }

    assertThat(done)
        .as("all threads finished within %s; deadlocked: %s", BOUND, deadlocks())
        .isTrue();
    assertThat(violations).isEmpty();
    assertThat(operations.get()).isEqualTo(THREADS * OPERATIONS_PER_THREAD);

    // No double transition: each device changed at most once over all retire-all calls.
    Map<String, Long> changesPerDevice =
        changes.stream()
            .collect(Collectors.groupingBy(DeviceTransition::deviceId, Collectors.counting()));
    assertThat(changesPerDevice.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    // No lost transition: exactly the retirable devices of retired users changed, and stayed so.
    Set<String> expectedChanged =
        devices.stream()
            .filter(d -> retiredUsers.contains(d.userId()))
            .filter(
                d ->
                    d.managementState().retireAllEffect() == ManagementState.RetireAllEffect.RETIRE)
            .map(ManagedDevice::id)
            .collect(Collectors.toSet());
    assertThat(changesPerDevice.keySet()).isEqualTo(expectedChanged);
    assertThat(retiredUsers).hasSizeGreaterThan(USERS / 2);
    Map<String, ManagedDevice> finalState = new HashMap<>();
    for (User user : users) {
      list.listManagedDevices(
              new ListManagedDevicesQuery(
                  caller,
                  Optional.of(UserReference.parse(user.id())),
                  DeviceQuery.ALL,
                  1000,
                  Optional.empty()))
          .devices()
          .forEach(d -> finalState.put(d.id(), d));
    }
    assertThat(finalState).hasSameSizeAs(initial);
    for (ManagedDevice before : devices) {
      ManagedDevice after = finalState.get(before.id());
      if (expectedChanged.contains(before.id())) {
        assertThat(after.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
      } else {
        assertThat(after).as("untouched %s", before.id()).isEqualTo(before);
      }
    }
  }

  private static void checkBeforeOrAfter(
      ManagedDevice seen,
      Map<String, ManagedDevice> initial,
      ConcurrentLinkedQueue<String> violations) {
    ManagedDevice before = initial.get(seen.id());
    boolean unchanged = seen.equals(before);
    boolean retired =
        before.managementState().retireAllEffect() == ManagementState.RetireAllEffect.RETIRE
            && seen.managementState() == ManagementState.RETIRE_PENDING
            && seen.deviceActionResults().stream().anyMatch(r -> r.isFor("retire"));
    if (!unchanged && !retired) {
      violations.add("torn or wrong state of %s: %s".formatted(seen.id(), seen));
    }
  }

  private static void checkAllRetirableArePending(
      List<ManagedDevice> seen,
      Map<String, ManagedDevice> initial,
      ConcurrentLinkedQueue<String> violations) {
    for (ManagedDevice device : seen) {
      ManagedDevice before = initial.get(device.id());
      if (before.managementState().retireAllEffect() == ManagementState.RetireAllEffect.RETIRE
          && device.managementState() != ManagementState.RETIRE_PENDING) {
        violations.add("retire of %s not visible right after it".formatted(device.id()));
      }
    }
  }

  private static String deadlocks() {
    long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
    if (ids == null) {
      return "none";
    }
    return Arrays.stream(ManagementFactory.getThreadMXBean().getThreadInfo(ids, true, true))
        .map(ThreadInfo::toString)
        .collect(Collectors.joining("\n"));
  }
}
