package org.devicemanagement.bootstrap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.adapters.jdbc.TestPostgresql;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one PostgreSQL database and one data directory (one signing key),
 * racing retire-alls for the same users: every device transitions exactly once, recorded once, and
 * no update is lost.
 */
class PostgresqlTwoInstancesTest {

  private static final int USERS = StoreCrashSafetyTest.USERS;
  private static final int CLIENTS_PER_INSTANCE = 4;

  @Test
  void givenTwoInstancesOnOneDatabase_whenBothRetireTheSameUsers_thenEachDeviceTransitionsOnce(
      @TempDir Path dir) throws Exception {
    StoreSettings.Postgresql database = TestPostgresql.shared().newDatabase();
    Path tenant = StoreCrashSafetyTest.writeTenant(dir.resolve("tenant.json"));
    Path data = dir.resolve("data");
    List<String> common =
        List.of(
            "--store",
            PostgresqlCrashSafetyTest.url(database),
            "--data-dir",
            data.toString(),
            "--port",
            "0");
    List<String> seeding = new ArrayList<>(common);
    seeding.addAll(List.of("--tenant", tenant.toString()));
    Map<String, String> credentials = PostgresqlCrashSafetyTest.credentials(database);
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    try (ServeProcess first = ServeProcess.start(seeding, credentials, dir.resolve("first.log"));
        ServeProcess second = ServeProcess.start(common, credentials, dir.resolve("second.log"))) {
      assertThat(second.banner())
          .anySatisfy(line -> assertThat(line).contains("the tenant kept in the store"))
          .anySatisfy(line -> assertThat(line).startsWith("Users (" + USERS + ")"));
      String token =
          BootstrapTestData.token(
              SigningKeys.loadOrCreate(data),
              TokenType.DELEGATED,
              "admin@contoso.com",
              BootstrapTestData.PRIVILEGED);

      ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_INSTANCE);
      List<Future<?>> running = new ArrayList<>();
      for (ServeProcess instance : List.of(first, second)) {
        for (int c = 0; c < CLIENTS_PER_INSTANCE; c++) {
          int client = c;
          running.add(
              clients.submit(
                  () -> {
                    // Both instances walk the users in the same order: their calls collide.
                    for (int i = client; i < USERS; i += CLIENTS_PER_INSTANCE) {
                      statuses.merge(
                          "%s %d".formatted(instance.graph(), retire(instance.graph(), token, i)),
                          1,
                          Integer::sum);
                    }
                  }));
        }
      }
      for (Future<?> call : running) {
        call.get(120, TimeUnit.SECONDS);
      }
      clients.shutdown();
      assertThat(statuses)
          .as("every call answered 204, half through each instance")
          .containsOnly(
              Map.entry(first.graph() + " 204", USERS), Map.entry(second.graph() + " 204", USERS));
      assertThat(first.stop()).isZero();
      assertThat(second.stop()).isZero();
    }

    try (JdbcStore store = JdbcStore.open(database)) {
      Map<String, Integer> transitions = new HashMap<>();
      int retireAlls = 0;
      for (AuditEvent event : events(store)) {
        if (event.activityType().equals(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE)) {
          retireAlls++;
          assertThat(event.activityResult()).isEqualTo(AuditEvents.SUCCESS);
          event.resources().forEach(r -> transitions.merge(r.resourceId(), 1, Integer::sum));
        }
      }
      assertThat(retireAlls).as("one event per call").isEqualTo(2 * USERS);
      Map<String, Integer> once = new HashMap<>();
      for (int i = 0; i < USERS; i++) {
        once.put(StoreCrashSafetyTest.deviceId(i, 1), 1);
        once.put(StoreCrashSafetyTest.deviceId(i, 2), 1);
      }
      assertThat(transitions).as("each managed device changed by exactly one call").isEqualTo(once);
      for (int i = 0; i < USERS; i++) {
        List<ManagedDevice> devices =
            store
                .tenant()
                .listByUser(store.tenant().findById(StoreCrashSafetyTest.userId(i)).orElseThrow());
        assertThat(devices)
            .extracting(ManagedDevice::managementState)
            .containsExactly(
                ManagementState.RETIRE_PENDING,
                ManagementState.RETIRE_PENDING,
                ManagementState.WIPE_PENDING);
      }
    }
  }

  private static int retire(URI graph, String token, int user) {
    try {
      HttpResponse<String> response =
          BootstrapTestData.http()
              .send(
                  BootstrapTestData.post(
                      graph,
                      "users/"
                          + StoreCrashSafetyTest.userId(user)
                          + "/removeAllDevicesFromManagement",
                      token),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<AuditEvent> events(JdbcStore store) {
    List<AuditEvent> events = new ArrayList<>();
    Optional<String> skipToken = Optional.empty();
    do {
      AuditPage page = store.tenant().searchEvents(AuditQuery.ALL, 500, skipToken);
      events.addAll(page.events());
      skipToken = page.nextSkipToken();
    } while (skipToken.isPresent());
    return events;
  }
}
