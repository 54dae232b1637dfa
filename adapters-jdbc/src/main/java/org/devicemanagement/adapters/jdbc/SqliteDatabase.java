package org.devicemanagement.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite in WAL mode: one writer connection whose transactions begin {@code IMMEDIATE} (they take
 * the database's write lock at once, so a read-then-write never loses to another writer, in this
 * process or another), and a few reader connections, which WAL lets read while the writer writes.
 * The writer keeps the statements it prepares ({@link StatementCache}).
 */
final class SqliteDatabase extends Database {

  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  private final StoreSettings.Sqlite settings;
  private final SQLiteDataSource source;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Connection writer;
  private final StatementCache writerStatements;
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> readers = new ArrayList<>();

  private SqliteDatabase(
      StoreSettings.Sqlite settings, SQLiteDataSource source, Connection writer) {
    this.settings = settings;
    this.source = source;
    this.writer = writer;
    this.writerStatements = new StatementCache(writer);
  }

  /** Opens (creating when missing) the database file {@code settings} names. */
  static SqliteDatabase open(StoreSettings.Sqlite settings) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        settings.synchronous() == StoreSettings.Synchronous.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + settings.file().toAbsolutePath());
    Connection writer;
    try {
      writer = source.getConnection();
      try (Statement statement = writer.createStatement()) {
        // Opening is lazy: this makes SQLite create (or check) the file now, with a clear error.
        statement.execute("PRAGMA user_version");
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot open the store %s: %s".formatted(settings.describe(), e.getMessage()), e);
    }
    SqliteDatabase database = new SqliteDatabase(settings, source, writer);
    try {
      for (int i = 0; i < READERS; i++) {
        Connection reader = source.getConnection();
        database.readers.add(reader);
        database.idleReaders.add(reader);
      }
    } catch (SQLException e) {
      database.close();
      throw new StoreException(
          "cannot open the store %s: %s".formatted(settings.describe(), e.getMessage()), e);
    }
    return database;
  }

  @Override
  <T> T write(Work<T> work) {
    writeLock.lock();
    try (Statement control = writer.createStatement()) {
      control.execute("BEGIN IMMEDIATE");
      T result;
      try {
        result = work.run(writerStatements.connection());
      } catch (SQLException | RuntimeException | Error e) {
        rollback(control, e);
        throw e;
      }
      control.execute("COMMIT");
      return result;
    } catch (SQLException e) {
      throw failure(settings.describe(), e);
    } finally {
      writeLock.unlock();
    }
  }

  private static void rollback(Statement control, Throwable cause) {
    try {
      control.execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  <T> T read(Work<T> work) {
    Connection reader;
    try {
      reader = idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          "interrupted while waiting for a connection to " + settings.describe(), e);
    }
    try {
      return work.run(reader);
    } catch (SQLException e) {
      throw failure(settings.describe(), e);
    } finally {
      idleReaders.add(reader);
    }
  }

  @Override
  DataSource migrationSource() {
    return source;
  }

  @Override
  String migrationFolder() {
    return "sqlite";
  }

  @Override
  String lockRows() {
    return "";
  }

  @Override
  boolean isUniqueViolation(SQLException e) {
    // SQLITE_CONSTRAINT; sqlite-jdbc names the extended code (UNIQUE, PRIMARYKEY) in the message.
    return e.getErrorCode() == 19
        && (String.valueOf(e.getMessage()).contains("UNIQUE")
            || String.valueOf(e.getMessage()).contains("PRIMARYKEY"));
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      for (Connection reader : readers) {
        closeQuietly(reader);
      }
      writerStatements.close();
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: nothing more to do with it
    }
  }
}
