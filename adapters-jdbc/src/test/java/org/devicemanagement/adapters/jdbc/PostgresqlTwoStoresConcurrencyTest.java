package org.devicemanagement.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two stores (two connection pools, as two server instances would have) on one PostgreSQL database,
 * retiring the same users' devices concurrently: every device transitions exactly once, each call
 * records one event, and no update is lost.
 */
class PostgresqlTwoStoresConcurrencyTest {

  private static final int USERS = 20;
  private static final int DEVICES_PER_USER = 5;
  private static final int CALLERS = 8;
  private static final Instant AT = Instant.parse("2026-04-01T12:00:00Z");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void givenTwoStoresOnOneDatabase_whenRetireAllsRaceForTheSameUsers_thenEachDeviceChangedOnce()
      throws Exception {
    StoreSettings.Postgresql settings = TestPostgresql.shared().newDatabase();
    List<User> users = new ArrayList<>();
    List<ManagedDevice> devices = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      User user =
          new User(
              "00000000-0000-4000-8000-%012d".formatted(u), "user%d@contoso.com".formatted(u), "");
      users.add(user);
      for (int d = 0; d < DEVICES_PER_USER; d++) {
        devices.add(
            ManagedDevice.builder("device-%02d-%d".formatted(u, d), user.id())
                .managementState(ManagementState.MANAGED)
                .build());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    try (JdbcStore first = JdbcStore.open(settings);
        JdbcStore second = JdbcStore.open(settings)) {
      first.seed(new Contents(users, devices), AT);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<RetireAllOutcome>>> futures = new ArrayList<>();
      for (int caller = 0; caller < CALLERS; caller++) {
        JdbcTenant tenant = (caller % 2 == 0 ? first : second).tenant();
        List<User> order = new ArrayList<>(users);
        Collections.shuffle(order, new Random(caller));
        Callable<List<RetireAllOutcome>> calls =
            () -> {
              start.await();
              List<RetireAllOutcome> outcomes = new ArrayList<>();
              for (User user : order) {
                outcomes.add(tenant.retireAll(user, AT, ApplicationTestData.audit()));
              }
              return outcomes;
            };
        futures.add(pool.submit(calls));
      }
      start.countDown();
      Map<String, Integer> changes = new HashMap<>();
      for (Future<List<RetireAllOutcome>> future : futures) {
        for (RetireAllOutcome outcome : future.get(100, TimeUnit.SECONDS)) {
          for (DeviceTransition transition : outcome.changed()) {
            changes.merge(transition.deviceId(), 1, Integer::sum);
          }
        }
      }

      assertThat(changes)
          .hasSize(USERS * DEVICES_PER_USER)
          .allSatisfy((id, n) -> assertThat(n).isOne());
      List<AuditEvent> events = allEvents(second.tenant());
      assertThat(events).hasSize(CALLERS * USERS);
      assertThat(events.stream().mapToInt(e -> e.resources().size()).sum())
          .isEqualTo(USERS * DEVICES_PER_USER);
      assertThat(first.tenant().devicesRetiredBetween(AT, AT.plusSeconds(1)))
          .isEqualTo(USERS * DEVICES_PER_USER);
      assertThat(first.tenant().tenantContents().devices())
          .allSatisfy(
              device -> {
                assertThat(device.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
                assertThat(device.deviceActionResults()).hasSize(1);
              });
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<AuditEvent> allEvents(JdbcTenant tenant) {
    List<AuditEvent> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    do {
      AuditPage page = tenant.searchEvents(AuditQuery.ALL, 50, token);
      all.addAll(page.events());
      token = page.nextSkipToken();
    } while (token.isPresent());
    return all;
  }
}
