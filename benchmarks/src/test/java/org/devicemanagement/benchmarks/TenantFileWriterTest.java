package org.devicemanagement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantFileWriterTest {

  @TempDir Path dir;

  @Test
  void givenWrittenTenantFile_whenServedTenantLoadsIt_thenEachUserHasHisDevices() throws Exception {
    Path file = dir.resolve("tenant.json");

    TenantFileWriter.main(new String[] {file.toString(), "3", "10"});

    InMemoryTenant tenant = TenantFile.load(file);
    assertThat(tenant.userCount()).isEqualTo(3);
    assertThat(tenant.deviceCount()).isEqualTo(30);
    User first = tenant.findById(BenchData.userId(0)).orElseThrow();
    assertThat(tenant.listByUser(first))
        .hasSize(10)
        .allSatisfy(device -> assertThat(device.userId()).isEqualTo(first.id()));
  }

  @Test
  void givenGeneratedTenant_whenBuiltInProcess_thenSameShapeAsTheFile() {
    InMemoryTenant tenant = BenchData.tenant(5, 4);

    assertThat(tenant.deviceCount()).isEqualTo(20);
    assertThat(tenant.listByUser(BenchData.user(4))).hasSize(4);
  }
}
