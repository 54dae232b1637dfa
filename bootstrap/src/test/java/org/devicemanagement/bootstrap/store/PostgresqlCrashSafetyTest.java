package org.devicemanagement.bootstrap.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.adapters.jdbc.TestPostgresql;
import org.devicemanagement.bootstrap.cli.StoreOptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@code kill -9} under load on PostgreSQL (the test server of {@link TestPostgresql}; skipped with
 * the reason when there is none).
 */
class PostgresqlCrashSafetyTest extends StoreCrashSafetyTest {

  private StoreSettings.Postgresql database;

  @BeforeEach
  void newDatabase() {
    database = TestPostgresql.shared().newDatabase();
  }

  @Override
  List<String> storeArguments(Path dir) {
    return List.of("--store", url(database));
  }

  @Override
  Map<String, String> storeEnvironment() {
    return credentials(database);
  }

  /** The {@code --store} URL of {@code database}, without credentials. */
  static String url(StoreSettings.Postgresql database) {
    return database.jdbcUrl().substring("jdbc:".length());
  }

  /** The environment giving {@code serve} the credentials of {@code database}. */
  static Map<String, String> credentials(StoreSettings.Postgresql database) {
    return Map.of(
        StoreOptions.USER_ENV, database.user(), StoreOptions.PASSWORD_ENV, database.password());
  }
}
