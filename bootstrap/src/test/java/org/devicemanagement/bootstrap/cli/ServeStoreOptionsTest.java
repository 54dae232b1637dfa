package org.devicemanagement.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --store}, its companion options, and how a store's start-up failures read. */
class ServeStoreOptionsTest {

  private static final Map<String, String> CREDENTIALS =
      Map.of(StoreOptions.USER_ENV, "dm", StoreOptions.PASSWORD_ENV, "secret");

  @TempDir Path dataDir;

  @Test
  void givenEachStoreValue_whenParsed_thenTheStoreItNames() {
    assertThat(choose("memory", null, null)).isEqualTo(StoreChoice.memory());
    assertThat(choose("sqlite", null, null))
        .isEqualTo(
            StoreChoice.durable(
                StoreSettings.Sqlite.at(dataDir.resolve(StoreOptions.DEFAULT_SQLITE_FILE)), false));
    assertThat(choose("sqlite:/tmp/x.db", "normal", null))
        .isEqualTo(
            StoreChoice.durable(
                new StoreSettings.Sqlite(Path.of("/tmp/x.db"), StoreSettings.Synchronous.NORMAL),
                false));
    assertThat(choose("postgresql://db.example:6543/devices", null, null))
        .isEqualTo(
            StoreChoice.durable(
                new StoreSettings.Postgresql("db.example", 6543, "devices", "dm", "secret", 10),
                false));
    assertThat(choose("postgresql://[::1]/devices", null, null))
        .extracting(c -> ((StoreChoice.Durable) c).settings())
        .isEqualTo(new StoreSettings.Postgresql("::1", 5432, "devices", "dm", "secret", 10));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://dm:secret@localhost:5432/devices",
        "postgresql://dm@localhost:5432/devices"
      })
  void givenCredentialsInTheUrl_whenServe_thenUsageErrorExit2NamingTheOtherWays(String url) {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--store", url);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("a user or password in the URL is refused")
        .contains(StoreOptions.USER_ENV)
        .contains("--store-credentials-file")
        .doesNotContain("secret");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"postgres://dm:secret@localhost/devices", "postgresql://dm:sec ret@localhost/db"})
  void givenCredentialsInAMisspeltOrMalformedUrl_whenServe_thenTheErrorDoesNotShowThem(String url) {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--store", url);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("Invalid value for option '--store'")
        .contains("***@localhost")
        .doesNotContain("secret")
        .doesNotContain("sec ret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"mysql://h/db", "sqlite:", "postgresql://localhost", "postgresql:///db", "disk"})
  void givenUnknownOrIncompleteStore_whenServe_thenUsageErrorExit2(String store) {
    CommandLineRun run =
        CommandLineRun.of("serve", "--data-dir", dataDir.toString(), "--store", store);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--store'");
  }

  @Test
  void givenMisplacedCompanionOptions_whenServe_thenUsageErrorsExit2() throws Exception {
    assertThat(serve("--sqlite-synchronous", "normal").err())
        .contains("--sqlite-synchronous is for --store sqlite");
    assertThat(serve("--store", "sqlite", "--sqlite-synchronous", "off").err())
        .contains("'--sqlite-synchronous': 'off' (expected full or normal)");
    assertThat(serve("--store-credentials-file", "creds").err())
        .contains("--store-credentials-file is for --store postgresql");
    assertThat(serve("--store", "sqlite", "--replace-tenant").err())
        .contains("--replace-tenant needs --tenant FILE");
    assertThat(
            serve(
                    "--backend",
                    "graph",
                    "--store",
                    "sqlite",
                    "--tenant",
                    "t.json",
                    "--replace-tenant")
                .err())
        .contains("the gateway never seeds a tenant");
    assertThat(serve("--tenant", "t.json", "--replace-tenant").err())
        .contains("--replace-tenant is for a durable --store");
    assertThat(serve("--backend", "graph", "--tenant", "t.json").err())
        .contains("--tenant is for the emulator");
  }

  @Test
  void givenCredentialsFile_whenParsed_thenUserAndPasswordFromItAndAWorldReadableOneRefused()
      throws Exception {
    Path file = dataDir.resolve("credentials");
    Files.writeString(file, "# the store's account\nuser=dm_app\npassword= pass word=\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(choose("postgresql://h:5432/db", null, file))
        .extracting(c -> ((StoreChoice.Durable) c).settings())
        .isEqualTo(new StoreSettings.Postgresql("h", 5432, "db", "dm_app", " pass word=", 10));

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> choose("postgresql://h:5432/db", null, file))
        .hasMessageContaining("readable by every user")
        .hasMessageContaining("chmod 600");

    Files.writeString(file, "user=dm_app\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> choose("postgresql://h:5432/db", null, file))
        .hasMessageContaining("user=NAME and password=SECRET");
  }

  @Test
  void givenPostgresqlWithoutCredentials_whenParsed_thenRefusedNamingBothWays() {
    assertThatThrownBy(
            () ->
                StoreOptions.choose("postgresql://h:5432/db", null, null, false, dataDir, Map.of()))
        .hasMessageContaining(StoreOptions.USER_ENV)
        .hasMessageContaining(StoreOptions.PASSWORD_ENV)
        .hasMessageContaining("--store-credentials-file");
  }

  @Test
  void givenStoreThatCannotBeOpened_whenServe_thenOneErrorLineExit1() throws Exception {
    Path directory = Files.createDirectory(dataDir.resolve("a-directory.db"));

    CommandLineRun run = serve("--store", "sqlite:" + directory);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: ").contains(directory.toString());
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void givenStoreHoldingATenant_whenServeWithTenantFile_thenOneErrorLineExit2() throws Exception {
    Path db = dataDir.resolve("dm.db");
    DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir)
                .withStore(StoreChoice.durable(StoreSettings.Sqlite.at(db), false)))
        .stop();
    Path file =
        Files.writeString(dataDir.resolve("tenant.json"), BootstrapTestData.TENANT_FILE_JSON);

    CommandLineRun run = serve("--store", "sqlite:" + db, "--tenant", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: the store sqlite " + db)
        .contains("already holds a tenant")
        .contains("--replace-tenant");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void givenHelp_whenServe_thenStoreOptionsListed() {
    assertThat(CommandLineRun.of("serve", "--help").out())
        .contains("--store")
        .contains("--sqlite-synchronous")
        .contains("--store-credentials-file")
        .contains("--replace-tenant")
        .contains(StoreOptions.USER_ENV);
  }

  private CommandLineRun serve(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "serve";
    args[1] = "--data-dir";
    args[2] = dataDir.toString();
    args[3] = "--port=0";
    System.arraycopy(options, 0, args, 4, options.length);
    CommandLineRun run = CommandLineRun.of(args);
    assertThat(run.out()).isEmpty();
    return run;
  }

  private StoreChoice choose(String store, @Nullable String synchronous, @Nullable Path file) {
    return StoreOptions.choose(store, synchronous, file, false, dataDir, CREDENTIALS);
  }
}
