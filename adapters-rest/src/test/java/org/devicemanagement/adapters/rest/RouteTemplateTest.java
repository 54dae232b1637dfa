package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.rest.routing.RouteTemplate;
import org.junit.jupiter.api.Test;

/** Which methods a route serves, as the admission filter answers 405 before Jersey's matching. */
class RouteTemplateTest {

  private static RouteTemplate route(String... methods) {
    return new RouteTemplate("v/x", List.of(), Set.of(methods), Optional.empty());
  }

  @Test
  void givenPostRoute_whenAsked_thenPostAndOptionsAllowedAndAllowHeaderAsJerseyWritesIt() {
    RouteTemplate post = route("POST");

    assertThat(post.allows("POST")).isTrue();
    assertThat(post.allows("OPTIONS")).isTrue();
    assertThat(post.allows("GET")).isFalse();
    assertThat(post.allows("HEAD")).isFalse();
    assertThat(post.allowHeader()).isEqualTo("POST,OPTIONS");
  }

  @Test
  void givenGetRoute_whenAsked_thenHeadAllowedToo() {
    RouteTemplate get = route("GET");

    assertThat(get.allows("HEAD")).isTrue();
    assertThat(get.allows("TRACE")).isFalse();
    assertThat(get.allowHeader()).isEqualTo("GET,HEAD,OPTIONS");
  }

  @Test
  void givenRouteWithSeveralMethods_whenAllowHeader_thenDeclaredOnesInAlphabeticalOrderFirst() {
    assertThat(route("POST", "GET", "DELETE").allowHeader())
        .isEqualTo("DELETE,GET,POST,HEAD,OPTIONS");
  }
}
