package org.devicemanagement.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * PostgreSQL through a HikariCP pool, at {@code READ COMMITTED}: a transaction locks the rows it
 * changes ({@code SELECT ... FOR UPDATE}) and re-reads them as committed once it has them, so
 * concurrent retire-alls, from this process or another, apply each change once. A transaction that
 * loses a deadlock or a serialisation conflict is run again, up to a few times.
 */
final class PostgresqlDatabase extends Database {

  private static final int ATTEMPTS = 5;

  private final StoreSettings.Postgresql settings;
  private final HikariDataSource pool;

  private PostgresqlDatabase(StoreSettings.Postgresql settings, HikariDataSource pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /** Opens a pool to the database {@code settings} names, failing if no connection can be made. */
  static PostgresqlDatabase open(StoreSettings.Postgresql settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maximumPoolSize()));
    config.setConnectionTimeout(10_000);
    // One attempt at start: a refused password or a closed port is an error now, not in 10 s.
    config.setInitializationFailTimeout(1);
    config.setPoolName("device-management-store");
    config.addDataSourceProperty("ApplicationName", "device-management");
    config.addDataSourceProperty("connectTimeout", "10");
    try {
      return new PostgresqlDatabase(settings, new HikariDataSource(config));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new StoreException(
          "cannot open the store %s: %s"
              .formatted(
                  settings.describe(),
                  Objects.requireNonNullElse(cause.getMessage(), cause.toString())),
          e);
    }
  }

  @Override
  <T> T write(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollback(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && retryable(e)) {
          continue;
        }
        throw failure(settings.describe(), e);
      }
    }
  }

  private static boolean retryable(SQLException e) {
    // serialization_failure, deadlock_detected
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  <T> T read(Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(settings.describe(), e);
    }
  }

  @Override
  DataSource migrationSource() {
    return pool;
  }

  @Override
  String migrationFolder() {
    return "postgresql";
  }

  @Override
  String lockRows() {
    return " FOR UPDATE";
  }

  @Override
  boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  @Override
  public void close() {
    pool.close();
  }
}
