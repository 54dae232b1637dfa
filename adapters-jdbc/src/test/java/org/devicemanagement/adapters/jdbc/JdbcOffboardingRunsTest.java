package org.devicemanagement.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.application.ApplicationTestData.endedOffboardingUser;
import static org.devicemanagement.application.ApplicationTestData.offboardingRun;
import static org.devicemanagement.application.ApplicationTestData.pendingOffboardingUsers;
import static org.devicemanagement.application.ApplicationTestData.sentOffboardingUser;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.domain.User;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the contract cannot see of the stored offboarding runs, on both engines: a run is kept
 * across a close and reopen, a database the previous release migrated (schema version 1) is
 * migrated to hold runs with its tenant kept, and runs of many users are written fast enough.
 */
class JdbcOffboardingRunsTest {

  private static final Instant AT = Instant.parse("2026-03-02T08:00:00.123456Z");

  abstract static class Engine {

    /** A new, empty store. */
    abstract JdbcStore open();

    /** The same database as the last {@link #open}. */
    abstract JdbcStore reopen();

    /** A plain connection to the database {@link #reopen} opens. */
    abstract Connection connect() throws Exception;

    /**
     * Flyway on a new, empty database, which becomes the one {@link #reopen} and {@link #connect}
     * use, with this engine's migrations up to {@code version}.
     */
    abstract Flyway newDatabaseMigratedTo(String version);

    @Test
    void givenRunSavedAndStatusSet_whenStoreClosedAndOpenedAgain_thenRunAndUsersAsLeft() {
      OffboardingRun run = offboardingRun("run-crash", AT);
      List<UserProgress> users = new ArrayList<>(pendingOffboardingUsers(3));
      try (JdbcStore store = open()) {
        store.offboardingRuns().create(run, users);
        users.set(0, endedOffboardingUser(0, UserOutcome.DONE, 2, AT.plusSeconds(1)));
        users.set(1, sentOffboardingUser(1, AT.plusSeconds(2)));
        store.offboardingRuns().save("run-crash", users.subList(0, 2), AT.plusSeconds(2));
        store
            .offboardingRuns()
            .setStatus("run-crash", RunStatus.INTERRUPTED, "interrupted", AT.plusSeconds(3));
      }

      try (JdbcStore store = reopen()) {
        assertThat(store.offboardingRuns().users("run-crash")).containsExactlyElementsOf(users);
        assertThat(store.offboardingRuns().find("run-crash"))
            .contains(
                run.withCounts(OutcomeCounts.of(users))
                    .withStatus(RunStatus.INTERRUPTED, "interrupted", AT.plusSeconds(3)));
        assertThat(store.offboardingRuns().devicesRetiredBetween(AT, AT.plusSeconds(60)))
            .isEqualTo(2);
      }
    }

    @Test
    void givenStoreOfThePreviousRelease_whenOpened_thenMigratedToHoldRunsAndItsTenantKept()
        throws Exception {
      User adele = ApplicationTestData.adele();
      newDatabaseMigratedTo("1").migrate();
      try (Connection c = connect();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO users (position, id, id_key, user_principal_name, upn_key,"
                      + " display_name) VALUES (0, ?, ?, ?, ?, ?)")) {
        s.setString(1, adele.id());
        s.setString(2, adele.id());
        s.setString(3, adele.userPrincipalName());
        s.setString(4, Rows.key(adele.userPrincipalName()));
        s.setString(5, adele.displayName());
        s.executeUpdate();
        try (Statement plain = c.createStatement()) {
          plain.executeUpdate(
              "INSERT INTO store_values (name, value) VALUES ('tenant.seededAt', 'then')");
        }
      }

      try (JdbcStore store = reopen()) {
        assertThat(store.tenant().users()).containsExactly(adele);
        assertThat(store.value(JdbcStore.SEEDED_AT)).contains("then");
        store.offboardingRuns().create(offboardingRun("run-1", AT), pendingOffboardingUsers(2));
        assertThat(store.offboardingRuns().users("run-1")).hasSize(2);
      }
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet row =
              s.executeQuery(
                  "SELECT version FROM flyway_schema_history WHERE success ORDER BY"
                      + " installed_rank")) {
        List<String> versions = new ArrayList<>();
        while (row.next()) {
          versions.add(row.getString(1));
        }
        assertThat(versions).containsExactly("1", "2");
      }
    }

    @Test
    void givenTenThousandUsers_whenCreatedAndSavedWhole_thenEachWellUnderASecond() {
      try (JdbcStore store = open()) {
        // The first run warms the statements and the JIT, as a process's earlier runs would.
        store
            .offboardingRuns()
            .create(offboardingRun("warm-up", AT.minusSeconds(60)), pendingOffboardingUsers(500));
        List<UserProgress> users = pendingOffboardingUsers(10_000);

        long started = System.nanoTime();
        store.offboardingRuns().create(offboardingRun("run-10k", AT), users);
        Duration create = Duration.ofNanos(System.nanoTime() - started);

        List<UserProgress> done = new ArrayList<>(users.size());
        for (int position = 0; position < users.size(); position++) {
          done.add(endedOffboardingUser(position, UserOutcome.DONE, 1, AT.plusSeconds(position)));
        }
        started = System.nanoTime();
        store.offboardingRuns().save("run-10k", done, AT.plusSeconds(10_000));
        Duration save = Duration.ofNanos(System.nanoTime() - started);

        started = System.nanoTime();
        List<OffboardingRun> listed = store.offboardingRuns().list();
        Duration list = Duration.ofNanos(System.nanoTime() - started);

        System.out.printf(
            "%s: 10,000 users created in %d ms, saved in %d ms, runs listed in %d ms%n",
            getClass().getSimpleName(), create.toMillis(), save.toMillis(), list.toMillis());
        assertThat(create).isLessThan(Duration.ofSeconds(1));
        assertThat(save).isLessThan(Duration.ofSeconds(1));
        assertThat(list).isLessThan(Duration.ofSeconds(1));
        assertThat(listed.get(0).counts())
            .isEqualTo(new OutcomeCounts(10_000, 0, 10_000, 0, 0, 0, 0, 10_000));
        assertThat(store.offboardingRuns().users("run-10k")).containsExactlyElementsOf(done);
      }
    }
  }

  @Nested
  class Sqlite extends Engine {

    @TempDir Path directory;
    private String name = "runs.db";

    private Path file() {
      return directory.resolve(name);
    }

    @Override
    JdbcStore open() {
      name = "runs.db";
      return reopen();
    }

    @Override
    JdbcStore reopen() {
      return JdbcStore.open(StoreSettings.Sqlite.at(file()));
    }

    @Override
    Connection connect() throws Exception {
      return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Override
    Flyway newDatabaseMigratedTo(String version) {
      name = "previous-release.db";
      return Flyway.configure(JdbcStore.class.getClassLoader())
          .dataSource("jdbc:sqlite:" + file(), "", "")
          .locations("classpath:db/migration/sqlite")
          .target(version)
          .load();
    }
  }

  @Nested
  class Postgresql extends Engine {

    private StoreSettings.Postgresql settings;

    @Override
    JdbcStore open() {
      settings = TestPostgresql.shared().newDatabase();
      return reopen();
    }

    @Override
    JdbcStore reopen() {
      return JdbcStore.open(settings);
    }

    @Override
    Connection connect() throws Exception {
      return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    Flyway newDatabaseMigratedTo(String version) {
      settings = TestPostgresql.shared().newDatabase();
      return Flyway.configure(JdbcStore.class.getClassLoader())
          .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
          .locations("classpath:db/migration/postgresql")
          .target(version)
          .load();
    }
  }
}
