package org.devicemanagement.bootstrap.store;

import java.nio.file.Path;
import java.util.List;

/** {@code kill -9} under load on a SQLite file (synchronous full, the default). */
class SqliteCrashSafetyTest extends StoreCrashSafetyTest {

  @Override
  List<String> storeArguments(Path dir) {
    return List.of("--store", "sqlite:" + dir.resolve("dm.db"));
  }
}
