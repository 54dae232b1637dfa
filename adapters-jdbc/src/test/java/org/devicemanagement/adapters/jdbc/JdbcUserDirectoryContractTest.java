package org.devicemanagement.adapters.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.port.out.UserDirectoryContract;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@link UserDirectory} contract against both engines. */
class JdbcUserDirectoryContractTest {

  private static UserDirectory seeded(JdbcStore store, List<User> users) {
    store.seed(new Contents(users, List.of()), Instant.EPOCH);
    return store.tenant();
  }

  @Nested
  class Sqlite extends UserDirectoryContract {

    @TempDir static Path directory;
    private static JdbcStore store;

    @BeforeAll
    static void open() {
      store = JdbcStore.open(StoreSettings.Sqlite.at(directory.resolve("users.db")));
    }

    @AfterAll
    static void close() {
      store.close();
    }

    @Override
    protected UserDirectory directoryWith(List<User> users) {
      return seeded(store, users);
    }
  }

  @Nested
  class Postgresql extends UserDirectoryContract {

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
    protected UserDirectory directoryWith(List<User> users) {
      return seeded(store, users);
    }
  }
}
