package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where tokens come from, and that they never leak into text. */
class GraphCredentialsTest {

  @Test
  void givenFixedToken_whenPrinted_thenTokenHidden() {
    FixedGraphCredentials credentials = new FixedGraphCredentials(GraphTestData.TOKEN);

    assertThat(credentials.bearerToken()).isEqualTo(GraphTestData.TOKEN);
    assertThat(credentials.toString()).doesNotContain(GraphTestData.TOKEN);
  }

  @Test
  void givenTokenWithLineBreak_whenCreated_thenRefusedWithoutEchoingIt() {
    String bad = "abc\r\nX-Injected: 1";

    assertThatThrownBy(() -> new FixedGraphCredentials(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("abc", "Injected");
  }

  @Test
  void givenPassThrough_whenEachRequestSent_thenCurrentTokenAskedEveryTime() {
    Deque<String> tokens = new ArrayDeque<>(List.of("first.token.a", "second.token.b"));
    PassThroughGraphCredentials credentials = new PassThroughGraphCredentials(tokens::poll);
    FakeClock clock = GraphTestData.clock();
    try (FakeGraph graph = FakeGraph.start()) {
      graph.enqueue(
          json(200, GraphTestData.userJson(adele())), json(200, GraphTestData.userJson(adele())));
      GraphUserDirectory users =
          GraphTenant.builder(GraphTestData.settings(graph.baseUrl()), credentials)
              .clock(clock)
              .sleeper(new RecordingSleeper(clock))
              .build()
              .users();

      users.findById(adele().id());
      users.findById(adele().id());

      assertThat(graph.requests())
          .extracting(r -> r.header("Authorization"))
          .containsExactly("Bearer first.token.a", "Bearer second.token.b");
    }
  }

  @Test
  void givenPassThroughWithoutToken_whenAsked_thenIllegalState() {
    assertThatThrownBy(() -> new PassThroughGraphCredentials(() -> null).bearerToken())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PassThroughGraphCredentials(() -> " ").bearerToken())
        .isInstanceOf(IllegalStateException.class);
    assertThat(new PassThroughGraphCredentials(() -> GraphTestData.TOKEN).toString())
        .doesNotContain(GraphTestData.TOKEN);
  }
}
