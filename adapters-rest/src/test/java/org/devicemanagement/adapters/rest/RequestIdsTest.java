package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.devicemanagement.adapters.rest.conventions.RequestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

  @Test
  void givenManyNewRequestIds_whenRead_thenEachIsADistinctVersion4Guid() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = RequestIds.newRequestId();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(parsed.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(100_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "A", "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10"})
  void givenASafeClientRequestId_whenAnswered_thenEchoed(String header) {
    assertThat(RequestIds.clientRequestId(header, "rid")).isEqualTo(header);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\r\nb", "<script>", "é", "x_y"})
  void givenAnUnsafeClientRequestId_whenAnswered_thenTheRequestIdInstead(String header) {
    assertThat(RequestIds.clientRequestId(header, "rid")).isEqualTo("rid");
  }

  @Test
  void givenAClientRequestIdOverOneHundredCharacters_whenAnswered_thenTheRequestIdInstead() {
    assertThat(RequestIds.clientRequestId("a".repeat(100), "rid")).isEqualTo("a".repeat(100));
    assertThat(RequestIds.clientRequestId("a".repeat(101), "rid")).isEqualTo("rid");
  }
}
