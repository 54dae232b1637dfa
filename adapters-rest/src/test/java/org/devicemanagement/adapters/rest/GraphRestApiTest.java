package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.devicemanagement.adapters.rest.resource.RemoveAllDevicesFromManagementResource;
import org.junit.jupiter.api.Test;

/** How the Jersey application gets its resources from the composition root. */
class GraphRestApiTest {

  @Test
  void givenAResourceFactory_whenTheApplicationIsBuilt_thenTheFactoryIsNotAskedYet() {
    Map<Class<?>, AtomicInteger> asked = new ConcurrentHashMap<>();

    GraphRestApi.resourceConfig(TestTokens.verifier(), counting(type -> null, asked));

    assertThat(asked).isEmpty();
  }

  @Test
  void givenManyRequests_whenServed_thenEachResourceIsMadeOnceAndShared() throws Exception {
    Map<Class<?>, AtomicInteger> asked = new ConcurrentHashMap<>();
    try (TestServer server =
        TestServer.builder().resourceFactory(factory -> counting(factory, asked)).start()) {
      for (int i = 0; i < 5; i++) {
        assertThat(
                server
                    .post("v1.0/me/removeAllDevicesFromManagement", TestTokens.delegated().build())
                    .statusCode())
            .isEqualTo(204);
      }
    }

    assertThat(asked.get(RemoveAllDevicesFromManagementResource.class)).hasValue(1);
  }

  private static Function<Class<?>, Object> counting(
      Function<Class<?>, Object> factory, Map<Class<?>, AtomicInteger> asked) {
    return type -> {
      asked.computeIfAbsent(type, key -> new AtomicInteger()).incrementAndGet();
      return factory.apply(type);
    };
  }
}
