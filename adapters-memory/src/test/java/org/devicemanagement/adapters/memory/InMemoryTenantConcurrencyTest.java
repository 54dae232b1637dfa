package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

class InMemoryTenantConcurrencyTest {

  private static final int THREADS = 16;
  private static final int ITERATIONS = 300;
  private static final int RETIRED_USERS = 8;
  private static final int DEVICES_PER_USER = 40;

  @Test
  void
      givenManyThreadsRetiringSameAndDifferentUsers_whenRun_thenEachDeviceTransitionsExactlyOnceAndEachCallIsAudited() {
    List<User> users =
        IntStream.rangeClosed(1, RETIRED_USERS + 1).mapToObj(MemoryTestData::numberedUser).toList();
    List<User> retired = users.subList(0, RETIRED_USERS);
    User hot = users.get(0);
    User bystander = users.get(RETIRED_USERS);
    List<ManagedDevice> initial =
        new ArrayList<>(MemoryTestData.devicesCyclingStates(users, DEVICES_PER_USER));
    initial.add(MemoryTestData.deviceWithoutUser("kiosk-1"));
    InMemoryTenant tenant = InMemoryTenant.of(users, initial);
    InMemoryTenant devices = tenant;
    long retirable =
        retired.stream()
            .flatMap(u -> devices.listByUser(u).stream())
            .filter(MemoryTestData::retirable)
            .count();
    long hotRetirable = devices.listByUser(hot).stream().filter(MemoryTestData::retirable).count();
    List<ManagedDevice> bystanderBefore = devices.listByUser(bystander);
    List<ManagedDevice> kioskBefore = tenant.devicesWithoutUser();

    Queue<DeviceTransition> changed = new ConcurrentLinkedQueue<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong clock = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          ExecutorService pool = Executors.newFixedThreadPool(THREADS);
          try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
              int thread = t;
              workers.add(
                  pool.submit(
                      () -> {
                        try {
                          start.await();
                          for (int i = 0; i < ITERATIONS; i++) {
                            Instant at = MemoryTestData.AT.plusMillis(clock.incrementAndGet());
                            switch ((thread + i) % 4) {
                              case 0, 1 -> {
                                calls.incrementAndGet();
                                changed.addAll(
                                    devices
                                        .retireAll(hot, at, ApplicationTestData.audit())
                                        .changed());
                              }
                              case 2 -> {
                                calls.incrementAndGet();
                                changed.addAll(
                                    devices
                                        .retireAll(
                                            retired.get(1 + i % (RETIRED_USERS - 1)),
                                            at,
                                            ApplicationTestData.audit())
                                        .changed());
                              }
                              default -> checkReads(devices, users, hot, hotRetirable);
                            }
                          }
                        } catch (Throwable e) {
                          failures.add(e);
                        }
                        return null;
                      }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
              worker.get(50, TimeUnit.SECONDS);
            }
          } finally {
            pool.shutdownNow();
          }
        });

    assertThat(failures).isEmpty();
    assertThat(changed).hasSize((int) retirable);
    assertThat(changed.stream().map(DeviceTransition::deviceId).distinct())
        .hasSize((int) retirable);
    assertThat(changed)
        .allSatisfy(t -> assertThat(t.stateAfter()).isEqualTo(ManagementState.RETIRE_PENDING));
    Map<String, ManagedDevice> recorded = new HashMap<>();
    changed.forEach(t -> recorded.put(t.deviceId(), t.after()));
    for (User user : retired) {
      for (ManagedDevice now : devices.listByUser(user)) {
        assertThat(MemoryTestData.retirable(now)).isFalse();
        if (recorded.containsKey(now.id())) {
          // the stored device is exactly what the one transition reported
          assertThat(now).isEqualTo(recorded.get(now.id()));
        }
      }
    }
    assertThat(devices.listByUser(bystander)).isEqualTo(bystanderBefore);
    assertThat(tenant.devicesWithoutUser()).isEqualTo(kioskBefore);
    // One event per call, whether it changed devices (under the user's lock) or changed none
    // (without it), and the changed devices named once across all of them.
    List<AuditEvent> events = MemoryTestData.allPages(tenant, AuditQuery.ALL, 100);
    assertThat(events).hasSize(calls.get());
    assertThat(events.stream().mapToInt(e -> e.resources().size()).sum())
        .isEqualTo((int) retirable);
  }

  /** Reads interleaved with writes: lists stay sorted and whole, finds see the same device. */
  private static void checkReads(
      InMemoryTenant devices, List<User> users, User hot, long hotRetirable) {
    List<ManagedDevice> hotDevices = devices.listByUser(hot);
    assertThat(hotDevices).hasSize(DEVICES_PER_USER);
    // a snapshot is published whole: either no device of the hot user has been retired, or all have
    long stillRetirable = hotDevices.stream().filter(MemoryTestData::retirable).count();
    assertThat(stillRetirable).isIn(0L, hotRetirable);
    for (User user : users) {
      List<ManagedDevice> listed = devices.listByUser(user);
      assertThat(listed).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()));
      assertThat(listed).allSatisfy(d -> assertThat(d.belongsTo(user.id())).isTrue());
    }
    ManagedDevice first = hotDevices.get(0);
    ManagedDevice found = devices.findDeviceById(first.id()).orElseThrow();
    assertThat(found.id()).isEqualTo(first.id());
    assertThat(found.deviceActionResults().stream().filter(r -> r.isFor(DeviceActionResult.RETIRE)))
        .hasSizeLessThanOrEqualTo(1);
  }
}
