package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/** Check-ins running while users are retired and the tenant is read: no transition is lost. */
class InMemoryTenantCheckInConcurrencyTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int USERS = 40;
  private static final int DEVICES_PER_USER = 13;

  @Test
  void givenCheckInsRacingRetireAllAndReaders_whenAllDone_thenEveryRetiredDeviceLeavesOnce()
      throws Exception {
    List<User> users =
        IntStream.rangeClosed(1, USERS).mapToObj(MemoryTestData::numberedUser).toList();
    List<ManagedDevice> devices = MemoryTestData.devicesCyclingStates(users, DEVICES_PER_USER);
    InMemoryTenant tenant = InMemoryTenant.of(users, devices);
    tenant.planCheckIns(START);
    long stays =
        devices.stream()
            .filter(
                d ->
                    !MemoryTestData.retirable(d)
                        && d.managementState() != ManagementState.RETIRE_PENDING
                        && d.managementState() != ManagementState.RETIRE_ISSUED)
            .count();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      pool.execute(
          guarded(
              failures,
              go,
              () -> {
                for (int hour = 1; hour <= 48; hour++) {
                  tenant.runCheckInsDue(START.plus(Duration.ofHours(hour)));
                }
              }));
      pool.execute(
          guarded(
              failures,
              go,
              () -> {
                for (User user : users) {
                  tenant.retireAll(user, START.plusSeconds(1), ApplicationTestData.audit());
                }
              }));
      for (int reader = 0; reader < 2; reader++) {
        pool.execute(
            guarded(
                failures,
                go,
                () -> {
                  for (int i = 0; i < 200; i++) {
                    for (ManagedDevice device :
                        tenant
                            .search(DeviceQuery.ALL, 1_000, java.util.Optional.empty())
                            .devices()) {
                      // It may have left since the page was read, never turned into another.
                      tenant
                          .findDeviceById(device.id())
                          .ifPresent(found -> assertThat(found.id()).isEqualTo(device.id()));
                    }
                  }
                }));
      }
      go.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    tenant.runCheckInsDue(START.plus(Duration.ofDays(3)));

    assertThat(failures).isEmpty();
    List<ManagedDevice> left = new ArrayList<>();
    users.forEach(user -> left.addAll(tenant.listByUser(user)));
    assertThat(left)
        .as("only devices under a wipe, delete or unknown action stay")
        .hasSize((int) stays)
        .allSatisfy(
            device ->
                assertThat(device.managementState().retireAllEffect())
                    .isEqualTo(ManagementState.RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN));
    assertThat(tenant.deviceCount()).isEqualTo(left.size());
  }

  private static Runnable guarded(Queue<Throwable> failures, CountDownLatch go, Runnable work) {
    return () -> {
      try {
        go.await();
        work.run();
      } catch (Throwable e) {
        failures.add(e);
      }
    };
  }
}
