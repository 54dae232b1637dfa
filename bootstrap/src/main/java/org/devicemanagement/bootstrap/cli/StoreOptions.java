package org.devicemanagement.bootstrap.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of {@code serve} choosing where the state is kept: {@code --store}, {@code
 * --sqlite-synchronous}, {@code --store-credentials-file} and {@code --replace-tenant}.
 * PostgreSQL's credentials come from the environment or a file, never from the command line.
 */
public final class StoreOptions {

  /** The environment variable holding the PostgreSQL user. */
  public static final String USER_ENV = "DM_STORE_USER";

  /** The environment variable holding the PostgreSQL password. */
  public static final String PASSWORD_ENV = "DM_STORE_PASSWORD";

  /** The SQLite file {@code --store sqlite} uses, in the data directory. */
  public static final String DEFAULT_SQLITE_FILE = "device-management.db";

  private static final int DEFAULT_POSTGRESQL_PORT = 5432;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description = {
        "memory (default): a fresh tenant at every start;",
        "sqlite[:FILE]: kept in a SQLite file (default " + DEFAULT_SQLITE_FILE + " in --data-dir);",
        "postgresql://HOST[:PORT]/DB: kept in PostgreSQL, which several instances can share;",
        "its user and password from " + USER_ENV + " and " + PASSWORD_ENV + ", or",
        "--store-credentials-file, never in the URL."
      })
  private String store = "memory";

  @Option(
      names = "--sqlite-synchronous",
      paramLabel = "full|normal",
      description = {
        "With --store sqlite: full (default) has each change on disk before it is answered;",
        "normal is faster, and a power cut may lose the last changes."
      })
  private @Nullable String sqliteSynchronous;

  @Option(
      names = "--store-credentials-file",
      paramLabel = "FILE",
      description = {
        "With --store postgresql: a file of two lines, user=NAME and password=SECRET,",
        "readable by its owner only (chmod 600)."
      })
  private @Nullable Path credentialsFile;

  @Option(
      names = "--replace-tenant",
      description = {
        "With --tenant and a durable --store that already holds a tenant: replace it (and its",
        "audit trail) with the file's; without it, such a start is refused."
      })
  private boolean replaceTenant;

  /**
   * The store these options choose, the default SQLite file in {@code dataDir}, PostgreSQL's
   * credentials from {@code environment} unless a file gives them.
   *
   * @throws IllegalArgumentException saying which option is wrong and what it accepts
   */
  StoreChoice choice(Path dataDir, Map<String, String> environment) {
    return choose(store, sqliteSynchronous, credentialsFile, replaceTenant, dataDir, environment);
  }

  /** Whether {@code --replace-tenant} was given. */
  boolean replaceTenant() {
    return replaceTenant;
  }

  /**
   * Parses the options' values into a store choice.
   *
   * @throws IllegalArgumentException saying which option is wrong and what it accepts
   */
  static StoreChoice choose(
      String store,
      @Nullable String sqliteSynchronous,
      @Nullable Path credentialsFile,
      boolean replaceTenant,
      Path dataDir,
      Map<String, String> environment) {
    Objects.requireNonNull(store, "store");
    String lower = store.toLowerCase(Locale.ROOT);
    boolean sqlite = lower.equals("sqlite") || lower.startsWith("sqlite:");
    boolean postgresql = lower.startsWith("postgresql:");
    if (sqliteSynchronous != null && !sqlite) {
      throw new IllegalArgumentException("--sqlite-synchronous is for --store sqlite");
    }
    if (credentialsFile != null && !postgresql) {
      throw new IllegalArgumentException(
          "--store-credentials-file is for --store postgresql://...");
    }
    if (lower.equals("memory")) {
      if (replaceTenant) {
        // Nothing to replace: the memory store holds no tenant across starts; --tenant suffices.
        throw new IllegalArgumentException(
            "--replace-tenant is for a durable --store (sqlite or postgresql); with memory,"
                + " --tenant FILE alone serves that tenant");
      }
      return StoreChoice.memory();
    }
    if (sqlite) {
      return StoreChoice.durable(
          new StoreSettings.Sqlite(sqliteFile(store, dataDir), synchronous(sqliteSynchronous)),
          replaceTenant);
    }
    if (postgresql) {
      return StoreChoice.durable(postgresql(store, credentialsFile, environment), replaceTenant);
    }
    throw new IllegalArgumentException(
        ("Invalid value for option '--store': '%s' (expected memory, sqlite, sqlite:FILE or"
                + " postgresql://HOST:PORT/DB)")
            .formatted(withoutUserInfo(store)));
  }

  /**
   * {@code store} as an error message may show it: whatever stands between {@code ://} and an
   * {@code @} (a user and password, even in a malformed or misspelt URL) is masked.
   */
  static String withoutUserInfo(String store) {
    return store.replaceAll("(?<=://)[^/?#]*@", "***@");
  }

  private static Path sqliteFile(String store, Path dataDir) {
    if (store.length() == "sqlite".length()) {
      return dataDir.resolve(DEFAULT_SQLITE_FILE);
    }
    String file = store.substring("sqlite:".length());
    if (file.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid value for option '--store': 'sqlite:' names no file (give sqlite:FILE, or"
              + " sqlite alone for "
              + DEFAULT_SQLITE_FILE
              + " in the data directory)");
    }
    return Path.of(file);
  }

  private static StoreSettings.Synchronous synchronous(@Nullable String value) {
    if (value == null) {
      return StoreSettings.Synchronous.FULL;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "full" -> StoreSettings.Synchronous.FULL;
      case "normal" -> StoreSettings.Synchronous.NORMAL;
      default ->
          throw new IllegalArgumentException(
              "Invalid value for option '--sqlite-synchronous': '%s' (expected full or normal)"
                  .formatted(value));
    };
  }

  private static StoreSettings.Postgresql postgresql(
      String store, @Nullable Path credentialsFile, Map<String, String> environment) {
    URI uri;
    try {
      uri = new URI(store);
    } catch (URISyntaxException e) {
      throw badUrl(store, "it is not a URL");
    }
    if (uri.getRawUserInfo() != null) {
      // The URL is shown in process listings and shell history: it must not carry a password.
      throw new IllegalArgumentException(
          ("Invalid value for option '--store': a user or password in the URL is refused, as the"
                  + " command line is visible to every user of this machine; set %s and %s, or"
                  + " give --store-credentials-file FILE")
              .formatted(USER_ENV, PASSWORD_ENV));
    }
    String host = uri.getHost();
    if (uri.isOpaque() || host == null || host.isBlank()) {
      throw badUrl(store, "it names no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw badUrl(store, "it has a query or a fragment");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isBlank() || database.contains("/")) {
      throw badUrl(store, "it names no database (postgresql://HOST:PORT/DB)");
    }
    int port = uri.getPort() == -1 ? DEFAULT_POSTGRESQL_PORT : uri.getPort();
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String[] credentials =
        credentialsFile != null ? credentialsFrom(credentialsFile) : credentialsFrom(environment);
    return new StoreSettings.Postgresql(
        bareHost,
        port,
        database,
        credentials[0],
        credentials[1],
        StoreSettings.Postgresql.DEFAULT_POOL_SIZE);
  }

  private static IllegalArgumentException badUrl(String store, String why) {
    return new IllegalArgumentException(
        "Invalid value for option '--store': '%s' is not postgresql://HOST:PORT/DB: %s"
            .formatted(withoutUserInfo(store), why));
  }

  private static String[] credentialsFrom(Map<String, String> environment) {
    String user = environment.get(USER_ENV);
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "--store postgresql://... needs its user and password: set %s and %s, or give"
                  .formatted(USER_ENV, PASSWORD_ENV)
              + " --store-credentials-file FILE");
    }
    String password = environment.get(PASSWORD_ENV);
    return new String[] {user, password == null ? "" : password};
  }

  private static String[] credentialsFrom(Path file) {
    List<String> lines;
    try {
      if (isReadableByOthers(file)) {
        throw new IllegalArgumentException(
            ("the credentials file %s is readable by every user of this machine;"
                    + " make it its owner's only (chmod 600 %s)")
                .formatted(file, file));
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the credentials file %s: %s".formatted(file, e), e);
    }
    String user = null;
    String password = null;
    for (String line : lines) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      String key = equals < 0 ? line.strip() : line.substring(0, equals).strip();
      // The password is everything after '=', spaces included: a password may hold them.
      String value = equals < 0 ? "" : line.substring(equals + 1);
      switch (key) {
        case "user" -> user = value.strip();
        case "password" -> password = value;
        default ->
            throw new IllegalArgumentException(
                "the credentials file %s has a line '%s=...'; it holds user=NAME and password=SECRET"
                    .formatted(file, key));
      }
    }
    if (user == null || user.isEmpty() || password == null) {
      throw new IllegalArgumentException(
          "the credentials file %s must hold two lines, user=NAME and password=SECRET"
              .formatted(file));
    }
    return new String[] {user, password};
  }

  private static boolean isReadableByOthers(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException notPosix) {
      return false;
    }
  }
}
