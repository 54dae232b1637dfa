package org.devicemanagement.adapters.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests: the one named by {@code DM_TEST_POSTGRESQL_URL} ({@code
 * postgresql://HOST:PORT/DB}, with {@code DM_TEST_POSTGRESQL_USER} and {@code
 * DM_TEST_POSTGRESQL_PASSWORD}; the user needs {@code CREATEDB}) when set, otherwise a throwaway
 * cluster started from the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/N/bin}, or
 * {@code DM_TEST_POSTGRESQL_BIN}) in a temporary directory on a free loopback port, run as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses root). The cluster is
 * stopped and its directory deleted when the JVM exits. When neither is possible, {@link #shared}
 * aborts the calling test with the reason, so the build passes on a machine without PostgreSQL.
 *
 * <p>Each caller takes a database of its own ({@link #newDatabase}).
 */
public final class TestPostgresql {

  private static final String USER = "dm_test";
  private static @org.jspecify.annotations.Nullable TestPostgresql shared;
  private static @org.jspecify.annotations.Nullable String unavailable;

  private final String host;
  private final int port;
  private final String adminDatabase;
  private final String user;
  private final String password;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgresql(
      String host, int port, String adminDatabase, String user, String password) {
    this.host = host;
    this.port = port;
    this.adminDatabase = adminDatabase;
    this.user = user;
    this.password = password;
  }

  /**
   * The server of this test run, started on first use; aborts the calling test (a JUnit assumption)
   * saying why when no server can be had.
   */
  public static synchronized TestPostgresql shared() {
    if (shared == null && unavailable == null) {
      try {
        shared = fromEnvironment().orElseGet(TestPostgresql::startCluster);
      } catch (RuntimeException e) {
        unavailable = e.getMessage();
      }
    }
    Assumptions.assumeTrue(shared != null, () -> "no PostgreSQL for the tests: " + unavailable);
    return shared;
  }

  /** Settings for a new, empty database of its own, as a store's user with a password. */
  public StoreSettings.Postgresql newDatabase() {
    String name =
        "dm_test_%d_%s"
            .formatted(databases.incrementAndGet(), UUID.randomUUID().toString().substring(0, 8));
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return settings(name, password);
  }

  /** Settings for {@code database} with {@code password} for the test user. */
  public StoreSettings.Postgresql settings(String database, String password) {
    return new StoreSettings.Postgresql(
        host, port, database, user, password, StoreSettings.Postgresql.DEFAULT_POOL_SIZE);
  }

  /** A connection to the server's administration database, for a test's own checks. */
  public Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://%s:%d/%s".formatted(host, port, adminDatabase), user, password);
  }

  private static Optional<TestPostgresql> fromEnvironment() {
    String url = System.getenv("DM_TEST_POSTGRESQL_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    java.net.URI uri = java.net.URI.create(url);
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return Optional.of(
        new TestPostgresql(
            uri.getHost(),
            uri.getPort() < 0 ? 5432 : uri.getPort(),
            database.isEmpty() ? "postgres" : database,
            System.getenv().getOrDefault("DM_TEST_POSTGRESQL_USER", "postgres"),
            System.getenv().getOrDefault("DM_TEST_POSTGRESQL_PASSWORD", "")));
  }

  private static TestPostgresql startCluster() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path directory;
    try {
      directory = Files.createTempDirectory("dm-postgresql-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory: " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, directory, root)));
    String password = UUID.randomUUID().toString();
    try {
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      if (root) {
        UserPrincipal postgres =
            directory
                .getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName("postgres");
        Files.setOwner(directory, postgres);
        Files.setOwner(passwordFile, postgres);
      }
      int port = freePort();
      run(
          root,
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              directory.resolve("data").toString(),
              "-U",
              USER,
              "--pwfile=" + passwordFile,
              "--auth=scram-sha-256",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync"),
          directory);
      run(
          root,
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              directory.resolve("data").toString(),
              "-l",
              directory.resolve("log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
                  .formatted(port, directory),
              "start"),
          directory);
      return new TestPostgresql("127.0.0.1", port, "postgres", USER, password);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot start a PostgreSQL cluster with %s: %s".formatted(bin, e.getMessage()), e);
    }
  }

  private static Path binaries() {
    String given = System.getenv("DM_TEST_POSTGRESQL_BIN");
    if (given != null && !given.isBlank()) {
      return Path.of(given);
    }
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())))
          .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
    } catch (IOException e) {
      throw new IllegalStateException(
          "no PostgreSQL binaries (%s: %s); install Debian's postgresql or set DM_TEST_POSTGRESQL_URL"
              .formatted(root, e.getMessage()),
          e);
    }
  }

  private static int version(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(boolean root, List<String> command, Path directory) throws IOException {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile(directory.getParent(), "dm-postgresql-", ".out");
    try {
      Process process =
          new ProcessBuilder(full)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            "%s exited with %d: %s"
                .formatted(
                    command.get(0),
                    process.exitValue(),
                    Files.readString(output, StandardCharsets.UTF_8).strip()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static void stop(Path bin, Path directory, boolean root) {
    try {
      if (Files.exists(directory.resolve("data").resolve("postmaster.pid"))) {
        run(
            root,
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                directory.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"),
            directory);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop the test PostgreSQL: " + e.getMessage());
    } finally {
      deleteTree(directory);
    }
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + directory + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "TestPostgresql[%s:%d as %s]".formatted(host, port, user.toLowerCase(Locale.ROOT));
  }
}
