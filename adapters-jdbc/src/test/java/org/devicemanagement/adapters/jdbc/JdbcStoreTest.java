package org.devicemanagement.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store itself, on both engines: every device field round-trips exactly, seeding and named
 * values, state kept across a close and reopen, and the clear errors of a store that cannot be
 * opened.
 */
class JdbcStoreTest {

  private static final Instant AT = Instant.parse("2026-02-03T04:05:06.123456Z");
  private static final User ADELE = ApplicationTestData.adele();

  /** A device with every field set to something other than its default, dates to the µs. */
  static ManagedDevice everyFieldSet() {
    return ManagedDevice.builder("Dev-ÄÖ-1", ADELE.id())
        .userPrincipalName(ADELE.userPrincipalName())
        .deviceName("Adele's \"laptop\" — ünïcode")
        .operatingSystem("Windows")
        .osVersion("10.0.22631.3447")
        .managementState(ManagementState.RETIRE_FAILED)
        .complianceState(ComplianceState.IN_GRACE_PERIOD)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.PERSONAL)
        .enrolledDateTime(Instant.parse("2023-01-02T03:04:05.000007Z"))
        .lastSyncDateTime(Instant.parse("2026-02-01T00:00:00.999999Z"))
        .serialNumber("SN-1")
        .azureADDeviceId("aad-1")
        .model("Surface")
        .manufacturer("Microsoft")
        .deviceActionResults(
            List.of(
                new DeviceActionResult(
                    "retire",
                    ActionState.FAILED,
                    Instant.parse("2025-01-01T00:00:00.000001Z"),
                    Instant.parse("2025-01-02T00:00:00.5Z")),
                new DeviceActionResult(
                    "syncDevice", ActionState.DONE, ManagedDevice.UNSET_DATE_TIME, AT)))
        .checkInInterval(Optional.of(Duration.ofMinutes(90).plusNanos(1_000)))
        .build();
  }

  static ManagedDevice offline() {
    return ManagedDevice.builder("dev-offline", "").checkInInterval(Optional.empty()).build();
  }

  abstract static class Engine {

    abstract JdbcStore open();

    @Test
    void givenDeviceWithEveryFieldSet_whenSeededAndRead_thenEqualToTheMicrosecond() {
      try (JdbcStore store = open()) {
        store.seed(new Contents(List.of(ADELE), List.of(everyFieldSet(), offline())), AT);

        assertThat(store.tenant().findDeviceById("dev-äö-1")).contains(everyFieldSet());
        assertThat(store.tenant().findDeviceById("DEV-OFFLINE")).contains(offline());
        assertThat(store.tenant().tenantContents())
            .isEqualTo(new Contents(List.of(ADELE), List.of(everyFieldSet(), offline())));
      }
    }

    @Test
    void givenDatesFinerThanAMicrosecond_whenAdded_thenStoredAndAnsweredToTheMicrosecond() {
      try (JdbcStore store = open()) {
        store.seed(new Contents(List.of(ADELE), List.of()), AT);
        ManagedDevice fine =
            ManagedDevice.builder("fine", ADELE.id())
                .enrolledDateTime(Instant.parse("2026-01-01T00:00:00.123456789Z"))
                .build();

        ManagedDevice stored = store.tenant().addDevice(fine, AT);

        assertThat(stored.enrolledDateTime()).isEqualTo("2026-01-01T00:00:00.123456Z");
        assertThat(store.tenant().findDeviceById("fine")).contains(stored);
      }
    }

    @Test
    void givenNewStore_whenSeeded_thenHoldsTenantAndNamedValuesKept() {
      try (JdbcStore store = open()) {
        assertThat(store.holdsTenant()).isFalse();
        assertThat(store.value("clock.instant")).isEmpty();

        store.seed(new Contents(List.of(), List.of()), AT);
        store.putValue("clock.instant", "a");
        store.putValue("clock.instant", AT.toString());

        assertThat(store.holdsTenant()).as("even an empty tenant").isTrue();
        assertThat(store.value("clock.instant")).contains(AT.toString());
      }
    }

    @Test
    void givenInconsistentContents_whenSeeded_thenInvalidRequestAndNothingSeeded() {
      try (JdbcStore store = open()) {
        assertThatThrownBy(() -> store.seed(new Contents(List.of(ADELE, ADELE), List.of()), AT))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("users[1]: duplicate id");
        assertThat(store.holdsTenant()).isFalse();
      }
    }

    @Test
    void givenRetiredAndChangedStore_whenClosedAndOpenedAgain_thenEverythingKept() {
      Contents seed =
          new Contents(
              ApplicationTestData.users(),
              ApplicationTestData.devicesOf(ADELE, ApplicationTestData.devices()));
      Contents after;
      try (JdbcStore store = open()) {
        store.seed(seed, AT);
        store.tenant().retireAll(ADELE, AT.plusSeconds(1), ApplicationTestData.audit());
        store.tenant().addUser(TenantAdministrationContractUser.NEW);
        store.putValue("clock.instant", "x");
        after = store.tenant().tenantContents();
      }
      try (JdbcStore store = reopen()) {
        assertThat(store.holdsTenant()).isTrue();
        assertThat(store.tenant().tenantContents()).isEqualTo(after);
        assertThat(store.tenant().searchEvents(AuditQuery.ALL, 10, Optional.empty()).events())
            .hasSize(1);
        assertThat(store.value("clock.instant")).contains("x");
        assertThat(store.tenant().nextCheckIn()).isPresent();

        store.tenant().resetTenant(AT);

        assertThat(store.tenant().tenantContents()).isEqualTo(seed);
      }
    }

    /** The same database as the last {@link #open}. */
    abstract JdbcStore reopen();

    @Test
    void givenSchemaNewerThanTheCode_whenOpened_thenClearErrorNamingBothVersions()
        throws Exception {
      try (JdbcStore store = open()) {
        store.seed(new Contents(List.of(), List.of()), AT);
      }
      try (Connection c = connect();
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success)"
                + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'x', 0,"
                + " TRUE)");
      }

      assertThatThrownBy(this::reopen)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("schema version 99, newer than this code's 2");
    }

    /** A plain connection to the database of the last {@link #open}. */
    abstract Connection connect() throws Exception;
  }

  /** A user the seeded tenants do not hold. */
  static final class TenantAdministrationContractUser {
    static final User NEW =
        new User("11111111-2222-4333-8444-555555555555", "new.user@contoso.com", "New User");
  }

  @Nested
  class Sqlite extends Engine {

    @TempDir Path directory;

    @Override
    JdbcStore open() {
      return reopen();
    }

    @Override
    JdbcStore reopen() {
      return JdbcStore.open(StoreSettings.Sqlite.at(directory.resolve("store.db")));
    }

    @Override
    Connection connect() throws Exception {
      return DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("store.db"));
    }

    @Test
    void givenNormalSynchronous_whenOpened_thenWalAndNormal() throws Exception {
      try (JdbcStore store =
          JdbcStore.open(
              new StoreSettings.Sqlite(
                  directory.resolve("normal.db"), StoreSettings.Synchronous.NORMAL))) {
        assertThat(store.describe()).endsWith("normal.db (synchronous normal)");
      }
      try (Connection c =
              DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("normal.db"));
          Statement s = c.createStatement();
          var row = s.executeQuery("PRAGMA journal_mode")) {
        row.next();
        assertThat(row.getString(1)).isEqualToIgnoringCase("wal");
      }
    }

    @Test
    void givenFileThatCannotBeCreated_whenOpened_thenStoreExceptionNamingIt() throws Exception {
      Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
      Path file = notADirectory.resolve("store.db");

      assertThatThrownBy(() -> JdbcStore.open(StoreSettings.Sqlite.at(file)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("cannot open the store sqlite " + file);
    }

    @Test
    void givenFileThatIsNotADatabase_whenOpened_thenStoreException() throws Exception {
      Path file = Files.writeString(directory.resolve("text.db"), "not a database at all, no");

      assertThatThrownBy(() -> JdbcStore.open(StoreSettings.Sqlite.at(file)))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toString());
    }
  }

  @Nested
  class Postgresql extends Engine {

    private StoreSettings.Postgresql settings;

    @Override
    JdbcStore open() {
      settings = TestPostgresql.shared().newDatabase();
      return JdbcStore.open(settings);
    }

    @Override
    JdbcStore reopen() {
      return JdbcStore.open(settings);
    }

    @Override
    Connection connect() throws Exception {
      return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Test
    void givenWrongPassword_whenOpened_thenStoreExceptionWithoutThePassword() {
      StoreSettings.Postgresql good = TestPostgresql.shared().newDatabase();
      StoreSettings.Postgresql wrong =
          TestPostgresql.shared().settings(good.database(), "wrong-password-123");

      assertThatThrownBy(() -> JdbcStore.open(wrong))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("cannot open the store " + wrong.describe())
          .hasMessageContaining("password authentication failed")
          .message()
          .doesNotContain("wrong-password-123");
      assertThat(wrong.toString()).doesNotContain("wrong-password-123");
    }

    @Test
    void givenNoServerOnThePort_whenOpened_thenStoreExceptionSayingSo() throws Exception {
      int port;
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      StoreSettings.Postgresql nowhere =
          new StoreSettings.Postgresql("127.0.0.1", port, "db", "u", "p", 2);

      assertThatThrownBy(() -> JdbcStore.open(nowhere))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("cannot open the store postgresql://127.0.0.1:" + port + "/db")
          .hasMessageContaining("refused");
    }
  }
}
