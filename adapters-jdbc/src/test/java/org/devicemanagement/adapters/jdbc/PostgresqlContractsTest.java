package org.devicemanagement.adapters.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Every outbound port's contract against a PostgreSQL store. */
class PostgresqlContractsTest extends JdbcContracts {

  private static JdbcStore store;

  @BeforeAll
  static void open() {
    store = JdbcStore.open(TestPostgresql.shared().newDatabase());
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  JdbcStore store() {
    return store;
  }
}
