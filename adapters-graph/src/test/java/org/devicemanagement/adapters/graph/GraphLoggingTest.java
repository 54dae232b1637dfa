package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;
import static org.devicemanagement.adapters.graph.GraphTestData.adele;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the adapter logs: Graph's request-id and our client-request-id with every failure, never a
 * token.
 */
class GraphLoggingTest {

  private final FakeGraph graph = FakeGraph.start();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger =
      (Logger) LoggerFactory.getLogger("org.devicemanagement.adapters.graph");

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    graph.close();
  }

  @Test
  void givenRetryThenFailure_whenLogged_thenIdsInEveryWarningAndTokenNowhere() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "1"),
        json(500, GraphTestData.errorBody("generalException", "An unexpected error occurred.")));
    FakeClock clock = GraphTestData.clock();

    Throwable failure =
        catchThrowable(
            () ->
                GraphTestData.tenant(
                        GraphTestData.settings(graph.baseUrl()), clock, new RecordingSleeper(clock))
                    .users()
                    .findById(adele().id()));

    List<String> warnings =
        appender.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(warnings).hasSize(2);
    for (int i = 0; i < 2; i++) {
      FakeGraph.Recorded request = graph.requests().get(i);
      assertThat(warnings.get(i))
          .contains(request.requestId(), request.header("client-request-id"));
    }
    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(message -> message.contains(GraphTestData.TOKEN));
    assertThat(failure).hasMessageNotContaining(GraphTestData.TOKEN);
    assertThat(failure.toString()).doesNotContain(GraphTestData.TOKEN);
  }
}
