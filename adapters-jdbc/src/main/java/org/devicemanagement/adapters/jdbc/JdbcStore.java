package org.devicemanagement.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A durable store, open: the database {@link StoreSettings} names, its schema migrated to this
 * code's version, the {@link JdbcTenant} it holds, the {@link JdbcOffboardingRuns} it keeps, and a
 * few named values the emulator keeps across restarts (such as its virtual clock's instant). Close
 * it to release its connections.
 *
 * <p>Opening fails with a {@link StoreException} saying why: the server cannot be reached, the
 * credentials are refused, the file cannot be created or written, or the database's schema is newer
 * than this code (a newer release migrated it; this one does not know what changed).
 */
public final class JdbcStore implements AutoCloseable {

  /** The named value that records when the store was seeded with a tenant. */
  public static final String SEEDED_AT = "tenant.seededAt";

  // The row seeders lock to decide, one at a time, whether the store still needs a tenant.
  private static final String SEEDING = "tenant.seeding";

  private final StoreSettings settings;
  private final Database database;
  private final JdbcTenant tenant;
  private final JdbcOffboardingRuns offboardingRuns;

  private JdbcStore(StoreSettings settings, Database database) {
    this.settings = settings;
    this.database = database;
    this.tenant = new JdbcTenant(database);
    this.offboardingRuns = new JdbcOffboardingRuns(database);
  }

  /**
   * Opens the store {@code settings} names, creating a SQLite file when missing, and migrates its
   * schema.
   *
   * @throws StoreException if it cannot be opened or its schema is newer than this code
   */
  public static JdbcStore open(StoreSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Database database =
        settings instanceof StoreSettings.Sqlite sqlite
            ? SqliteDatabase.open(sqlite)
            : PostgresqlDatabase.open((StoreSettings.Postgresql) settings);
    try {
      migrate(settings, database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new JdbcStore(settings, database);
  }

  private static void migrate(StoreSettings settings, Database database) {
    Flyway flyway =
        Flyway.configure(JdbcStore.class.getClassLoader())
            .dataSource(database.migrationSource())
            .locations("classpath:db/migration/" + database.migrationFolder())
            // Flyway ignores migrations it does not know by default: a newer schema must stop us.
            .ignoreMigrationPatterns(new String[0])
            .cleanDisabled(true)
            .load();
    try {
      MigrationInfo[] all = flyway.info().all();
      Optional<MigrationVersion> newest =
          Arrays.stream(all)
              .filter(
                  m ->
                      m.getState() == MigrationState.FUTURE_SUCCESS
                          || m.getState() == MigrationState.FUTURE_FAILED)
              .map(MigrationInfo::getVersion)
              .max(Comparator.naturalOrder());
      if (newest.isPresent()) {
        String known =
            Arrays.stream(all)
                .filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
        throw new StoreException(
            ("the store %s has schema version %s, newer than this code's %s: a newer release"
                    + " of device-management migrated it; run that release, or another database")
                .formatted(settings.describe(), newest.get().getVersion(), known));
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "cannot migrate the store %s: %s".formatted(settings.describe(), e.getMessage()), e);
    }
  }

  /** The tenant this store holds (empty until seeded). */
  public JdbcTenant tenant() {
    return tenant;
  }

  /** The offboarding runs this store keeps. */
  public JdbcOffboardingRuns offboardingRuns() {
    return offboardingRuns;
  }

  /** The settings this store was opened with. */
  public StoreSettings settings() {
    return settings;
  }

  /** How the store names itself, for the banner and messages: never a password. */
  public String describe() {
    return settings.describe();
  }

  /** Whether the store has been seeded with a tenant ({@link #seed}), possibly an empty one. */
  public boolean holdsTenant() {
    return value(SEEDED_AT).isPresent();
  }

  /**
   * Seeds the store with {@code contents} at {@code at} unless it already holds a tenant, deciding
   * in the same transaction that seeds: of several instances starting at once on one empty
   * database, exactly one seeds it and the others serve what it seeded.
   *
   * @return whether this call seeded the store
   * @throws org.devicemanagement.application.failure.InvalidRequestException naming the entry if
   *     the contents are not a consistent tenant
   */
  public boolean seedIfEmpty(Contents contents, Instant at) {
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(at, "at");
    TenantChecks.check(contents);
    return database.write(
        c -> {
          // One row every seeder locks first: on PostgreSQL a second seeder waits here until the
          // first commits, then sees its tenant (SQLite's IMMEDIATE transactions already queue).
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO store_values (name, value) VALUES (?, ?)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, SEEDING);
            s.setString(2, "lock");
            s.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT value FROM store_values WHERE name = ?" + database.lockRows())) {
            s.setString(1, SEEDING);
            s.executeQuery().close();
          }
          try (PreparedStatement s =
              c.prepareStatement("SELECT value FROM store_values WHERE name = ?")) {
            s.setString(1, SEEDED_AT);
            try (ResultSet row = s.executeQuery()) {
              if (row.next()) {
                return false;
              }
            }
          }
          seedIn(c, contents, at);
          return true;
        });
  }

  /**
   * Seeds the store with {@code contents}, planning check-ins from {@code at}, in one transaction:
   * the tenant served from now on and the one {@link JdbcTenant#resetTenant} goes back to, with an
   * empty audit trail; whatever the store held is replaced.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException naming the entry if
   *     two users share an id or sign-in name, two devices share an id, or a device names no user
   */
  public void seed(Contents contents, Instant at) {
    Objects.requireNonNull(contents, "contents");
    Objects.requireNonNull(at, "at");
    TenantChecks.check(contents);
    database.change(c -> seedIn(c, contents, at));
  }

  private static void seedIn(Connection c, Contents contents, Instant at) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM seed_devices");
      s.executeUpdate("DELETE FROM seed_users");
    }
    JdbcTenant.insertUsers(c, "seed_users", contents.users());
    JdbcTenant.insertDevices(c, "seed_devices", contents.devices(), at);
    JdbcTenant.replaceLive(c, contents, at);
    put(c, SEEDED_AT, at.toString());
  }

  /** The value named {@code name}, if one was put. */
  public Optional<String> value(String name) {
    Objects.requireNonNull(name, "name");
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT value FROM store_values WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet row = s.executeQuery()) {
              return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Keeps {@code value} under {@code name}, replacing what was there. */
  public void putValue(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    database.change(
        c -> {
          put(c, name, value);
        });
  }

  private static void put(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO store_values (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      s.setString(1, name);
      s.setString(2, value);
      s.executeUpdate();
    }
  }

  /** Releases the store's connections; the tenant cannot be used after. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "JdbcStore[" + describe() + "]";
  }
}
