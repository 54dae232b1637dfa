package org.devicemanagement.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances starting at once on one empty database: exactly one seeds it, and every instance then
 * serves that one tenant.
 */
class ConcurrentSeedingTest {

  private static final Instant AT = Instant.parse("2026-04-01T12:00:00Z");
  private static final int INSTANCES = 4;

  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void givenInstancesOnOneEmptyPostgresql_whenAllSeedAtOnce_thenExactlyOneSeeds() throws Exception {
    StoreSettings.Postgresql settings = TestPostgresql.shared().newDatabase();
    List<StoreSettings> each = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      each.add(settings);
    }
    raceAndCheck(each);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void givenInstancesOnOneEmptySqliteFile_whenAllSeedAtOnce_thenExactlyOneSeeds() throws Exception {
    List<StoreSettings> each = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      each.add(StoreSettings.Sqlite.at(dir.resolve("shared.db")));
    }
    raceAndCheck(each);
  }

  private static void raceAndCheck(List<StoreSettings> settings) throws Exception {
    List<JdbcStore> stores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(settings.size());
    try {
      for (StoreSettings s : settings) {
        stores.add(JdbcStore.open(s));
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> seeded = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        JdbcStore store = stores.get(i);
        Contents contents = tenantOf("instance-" + i);
        Callable<Boolean> seeding =
            () -> {
              start.await();
              return store.seedIfEmpty(contents, AT);
            };
        seeded.add(pool.submit(seeding));
      }
      start.countDown();
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> result : seeded) {
        results.add(result.get());
      }

      assertThat(results).containsOnlyOnce(true);
      String winner = "instance-" + results.indexOf(true);
      for (JdbcStore store : stores) {
        assertThat(store.holdsTenant()).isTrue();
        assertThat(store.tenant().tenantContents().users())
            .extracting(User::displayName)
            .containsExactly(winner);
      }
    } finally {
      pool.shutdownNow();
      for (JdbcStore store : stores) {
        store.close();
      }
    }
  }

  private static Contents tenantOf(String name) {
    User user = new User("00000000-0000-4000-8000-000000000001", name + "@contoso.com", name);
    return new Contents(
        List.of(user), List.of(ManagedDevice.builder("device-" + name, user.id()).build()));
  }
}
