package org.devicemanagement.adapters.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link JdbcStore} keeps the tenant: a SQLite file on this machine, or a PostgreSQL
 * database several instances share. Credentials are values the caller read from wherever it keeps
 * them (the environment, a file); this adapter never reads them itself.
 */
public sealed interface StoreSettings {

  /** How the store names itself in the start-up banner and in messages; never a password. */
  String describe();

  /** How hard SQLite makes each commit durable ({@code PRAGMA synchronous}). */
  enum Synchronous {
    /**
     * Every commit is on disk before it returns: a power cut loses no answered change (the
     * default).
     */
    FULL,
    /**
     * In WAL mode a commit survives a crash of the process but the last commits before a power cut
     * or an operating system crash may be lost; faster.
     */
    NORMAL
  }

  /**
   * A SQLite database in {@code file} (created when missing), in WAL mode with {@code synchronous}.
   */
  record Sqlite(Path file, Synchronous synchronous) implements StoreSettings {

    /** Checks that both parts are present. */
    public Sqlite {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(synchronous, "synchronous");
    }

    /** A SQLite database in {@code file} with {@code synchronous=FULL}. */
    public static Sqlite at(Path file) {
      return new Sqlite(file, Synchronous.FULL);
    }

    @Override
    public String describe() {
      return "sqlite %s (synchronous %s)"
          .formatted(file, synchronous.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * A PostgreSQL database at {@code host}:{@code port}/{@code database}, reached as {@code user}
   * with {@code password} through a pool of at most {@code maximumPoolSize} connections.
   */
  record Postgresql(
      String host, int port, String database, String user, String password, int maximumPoolSize)
      implements StoreSettings {

    /** The pool size used unless told otherwise. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** Checks that every part is present and the port and pool size are in range. */
    public Postgresql {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (host.isBlank() || database.isBlank()) {
        throw new IllegalArgumentException("a PostgreSQL store needs a host and a database");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port %d is out of range".formatted(port));
      }
      if (maximumPoolSize < 1) {
        throw new IllegalArgumentException(
            "maximumPoolSize %d is below 1".formatted(maximumPoolSize));
      }
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
      return "jdbc:postgresql://%s:%d/%s".formatted(hostInUrl(), port, database);
    }

    private String hostInUrl() {
      return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String describe() {
      return "postgresql://%s:%d/%s as %s".formatted(hostInUrl(), port, database, user);
    }

    /** Like the record's own, with the password left out. */
    @Override
    public String toString() {
      return "Postgresql[" + describe() + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
  }
}
