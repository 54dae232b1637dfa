package org.devicemanagement.adapters.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Every outbound port's contract against a SQLite store. */
class SqliteContractsTest extends JdbcContracts {

  @TempDir static Path directory;
  private static JdbcStore store;

  @BeforeAll
  static void open() {
    store = JdbcStore.open(StoreSettings.Sqlite.at(directory.resolve("contracts.db")));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  JdbcStore store() {
    return store;
  }
}
