package org.devicemanagement.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One engine's connections and transactions: {@link #write} runs work as one transaction that holds
 * the locks it takes until it commits, {@link #read} runs work on a connection in auto-commit mode.
 * The SQL both engines share lives in {@link JdbcTenant}; what differs is asked here.
 */
abstract class Database implements AutoCloseable {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work on a connection that returns nothing. */
  @FunctionalInterface
  interface Change {
    void run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} as one transaction, committed when it returns, rolled back if it throws. */
  abstract <T> T write(Work<T> work);

  /** Like {@link #write} for work that returns nothing. */
  final void change(Change change) {
    write(
        c -> {
          change.run(c);
          return Boolean.TRUE;
        });
  }

  /** Runs {@code work} outside any explicit transaction. */
  abstract <T> T read(Work<T> work);

  /** The data source Flyway migrates through. */
  abstract DataSource migrationSource();

  /** The folder of this engine's migrations, under {@code db/migration}. */
  abstract String migrationFolder();

  /**
   * What follows a {@code SELECT} that reads rows the transaction is about to change: {@code FOR
   * UPDATE} on PostgreSQL; nothing on SQLite, whose writes are serialised by its one writer.
   */
  abstract String lockRows();

  /** Whether {@code e} is a unique-key violation. */
  abstract boolean isUniqueViolation(SQLException e);

  @Override
  public abstract void close();

  /** A failure of the store in use, naming the store and SQL's own message. */
  static StoreException failure(String store, SQLException e) {
    return new StoreException("the store %s failed: %s".formatted(store, e.getMessage()), e);
  }
}
