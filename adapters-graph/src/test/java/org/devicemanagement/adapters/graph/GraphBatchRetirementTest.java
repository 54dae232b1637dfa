package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.devicemanagement.adapters.graph.FakeGraph.Recorded;
import org.devicemanagement.adapters.graph.FakeGraph.Reply;
import org.devicemanagement.adapters.graph.UserRetireResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GraphBatchRetirement}: retire-all for many users through {@code $batch}, a result per
 * user, and the steps Graph throttled sent again after their own {@code retry-after}.
 */
class GraphBatchRetirementTest {

  private static final String ADELE = GraphTestData.adele().id();
  private static final String ALEX = GraphTestData.alex().userPrincipalName();
  private static final String NOBODY = "00000000-0000-4000-8000-00000000dead";

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final GraphBatchRetirement batches =
      GraphTestData.tenant(GraphTestData.settings(graph.baseUrl()), clock, sleeper)
          .batchRetirement();

  @AfterEach
  void stop() {
    graph.close();
  }

  /** One step's answer in a batch answer. */
  private record StepReply(String id, int status, String body, List<String> headerPairs) {}

  private static StepReply step(String id, int status, String... headerPairs) {
    return new StepReply(id, status, "", List.of(headerPairs));
  }

  private static StepReply stepError(String id, int status, String body, String... headerPairs) {
    return new StepReply(id, status, body, List.of(headerPairs));
  }

  private static Reply batchAnswer(StepReply... steps) {
    ObjectNode root = GraphTestData.json().createObjectNode();
    ArrayNode responses = root.putArray("responses");
    for (StepReply step : steps) {
      ObjectNode response = responses.addObject().put("id", step.id()).put("status", step.status());
      ObjectNode headers = response.putObject("headers");
      for (int i = 0; i + 1 < step.headerPairs().size(); i += 2) {
        headers.put(step.headerPairs().get(i), step.headerPairs().get(i + 1));
      }
      if (!step.body().isEmpty()) {
        headers.put("Content-Type", "application/json");
        response.set("body", read(step.body()));
      }
    }
    return json(200, GraphTestData.write(root));
  }

  private static JsonNode read(String json) {
    try {
      return GraphTestData.json().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The steps of a recorded batch request: "id POST url". */
  private static List<String> stepsOf(Recorded request) {
    List<String> steps = new ArrayList<>();
    for (JsonNode step : read(request.body()).path("requests")) {
      steps.add(
          step.path("id").asText()
              + " "
              + step.path("method").asText()
              + " "
              + step.path("url").asText());
    }
    return steps;
  }

  private static String retireUrl(String user) {
    return "/users/" + user + "/removeAllDevicesFromManagement";
  }

  @Test
  void givenThreeUsers_whenRetireAll_thenOneBatchOfThreeStepsAndAResultPerUserInOrder() {
    graph.enqueue(
        batchAnswer(
            stepError("3", 403, GraphTestData.intuneForbidden(GraphTestData.PRIVILEGED_SCOPE)),
            step("1", 204, "request-id", "step-1-request"),
            stepError("2", 404, GraphTestData.userNotFound(NOBODY))));

    List<UserRetireResult> results = batches.retireAll(List.of(ADELE, NOBODY, ALEX));

    Recorded batch = graph.lastRequest();
    assertThat(batch.method() + " " + batch.target()).isEqualTo("POST /v1.0/$batch");
    assertThat(batch.header("Content-Type")).startsWith("application/json");
    assertThat(batch.header("Authorization")).isEqualTo("Bearer " + GraphTestData.TOKEN);
    assertThat(stepsOf(batch))
        .containsExactly(
            "1 POST " + retireUrl(ADELE),
            "2 POST " + retireUrl(NOBODY),
            "3 POST " + retireUrl(ALEX));
    assertThat(results)
        .extracting(UserRetireResult::user, UserRetireResult::outcome, UserRetireResult::httpStatus)
        .containsExactly(
            tuple(ADELE, Outcome.RETIRED, 204),
            tuple(NOBODY, Outcome.NOT_FOUND, 404),
            tuple(ALEX, Outcome.REFUSED, 403));
    assertThat(results.get(0).requestId()).isEqualTo("step-1-request");
    assertThat(results.get(0).clientRequestId()).isEqualTo(batch.header("client-request-id"));
    assertThat(results.get(2).message()).contains(GraphTestData.PRIVILEGED_SCOPE);
    assertThat(results).allSatisfy(r -> assertThat(r.attempts()).isEqualTo(1));
  }

  @Test
  void givenAStepThrottledWithRetryAfter_whenRetireAll_thenOnlyThatStepSentAgainAfterItsWait() {
    graph.enqueue(
        batchAnswer(
            step("1", 204),
            stepError("2", 429, GraphTestData.throttled(), "retry-after", "7"),
            stepError("3", 429, GraphTestData.throttled(), "Retry-After", "3")),
        batchAnswer(step("2", 204), step("3", 204)));

    List<UserRetireResult> results = batches.retireAll(List.of(ADELE, ALEX, NOBODY));

    assertThat(graph.requests()).hasSize(2);
    assertThat(stepsOf(graph.lastRequest()))
        .containsExactly("2 POST " + retireUrl(ALEX), "3 POST " + retireUrl(NOBODY));
    // The longest retry-after of the steps sent again, so that each step's own is honoured.
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(7));
    assertThat(results).extracting(UserRetireResult::outcome).containsOnly(Outcome.RETIRED);
    assertThat(results).extracting(UserRetireResult::attempts).containsExactly(1, 2, 2);
  }

  @Test
  void givenAStepThrottledEveryTime_whenRetireAll_thenGivenUpAfterTheRetriesWithGraphsAnswer() {
    graph.route(
        request ->
            batchAnswer(stepError("1", 429, GraphTestData.throttled(), "retry-after", "1.5")));

    List<UserRetireResult> results = batches.retireAll(List.of(ADELE));

    int retries = GraphTestData.settings(graph.baseUrl()).maxRetries();
    assertThat(graph.requests()).hasSize(retries + 1);
    assertThat(sleeper.delays()).hasSize(retries).containsOnly(Duration.ofMillis(1500));
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.THROTTLED_GAVE_UP);
              assertThat(r.httpStatus()).isEqualTo(429);
              assertThat(r.graphCode()).isEqualTo("TooManyRequests");
              assertThat(r.attempts()).isEqualTo(retries + 1);
            });
  }

  @Test
  void givenFortyFiveUsers_whenRetireAll_thenBatchesOfTwentyTwentyAndFive() {
    graph.route(
        request -> {
          List<StepReply> steps = new ArrayList<>();
          for (JsonNode step : read(request.body()).path("requests")) {
            steps.add(step(step.path("id").asText(), 204));
          }
          return batchAnswer(steps.toArray(StepReply[]::new));
        });
    List<String> users = IntStream.range(0, 45).mapToObj(i -> "user" + i + "@contoso.com").toList();

    List<UserRetireResult> results = batches.retireAll(users);

    assertThat(graph.requests())
        .extracting(r -> stepsOf(r).size())
        .containsExactly(GraphBatchRetirement.MAX_STEPS, GraphBatchRetirement.MAX_STEPS, 5);
    assertThat(results).extracting(UserRetireResult::user).containsExactlyElementsOf(users);
    assertThat(results).extracting(UserRetireResult::outcome).containsOnly(Outcome.RETIRED);
  }

  @Test
  void givenTheBatchRequestThrottled_whenRetireAll_thenRetriedAsEveryCall() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "2"), batchAnswer(step("1", 204)));

    List<UserRetireResult> results = batches.retireAll(List.of(ADELE));

    assertThat(graph.requests()).hasSize(2);
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
    assertThat(results).extracting(UserRetireResult::outcome).containsExactly(Outcome.RETIRED);
  }

  @Test
  void givenTheFirstBatchRequestRejected_whenRetireAll_thenItsUsersFailedAndTheRestNotSent() {
    graph.enqueue(
        json(
            401,
            GraphTestData.errorBody("InvalidAuthenticationToken", "Access token has expired.")));
    List<String> users = IntStream.range(0, 21).mapToObj(i -> "user" + i + "@contoso.com").toList();

    List<UserRetireResult> results = batches.retireAll(users);

    assertThat(graph.requests()).hasSize(1);
    assertThat(results.subList(0, 20))
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(r.httpStatus()).isEqualTo(401);
              assertThat(r.message()).isEqualTo("Access token has expired.");
              assertThat(r.requestId()).isEqualTo(graph.lastRequest().requestId());
            });
    assertThat(results.get(20).outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(results.get(20).attempts()).isZero();
  }

  @Test
  void givenTheSameUserTwiceAndAStepMissingFromTheAnswer_whenRetireAll_thenOneStepAndFailedForIt() {
    graph.enqueue(batchAnswer(step("1", 204)));

    List<UserRetireResult> results =
        batches.retireAll(List.of(ALEX, ADELE, ALEX.toUpperCase(Locale.ROOT), ".."));

    assertThat(stepsOf(graph.lastRequest()))
        .containsExactly("1 POST " + retireUrl(ALEX), "2 POST " + retireUrl(ADELE));
    assertThat(results)
        .extracting(UserRetireResult::outcome)
        .containsExactly(Outcome.RETIRED, Outcome.FAILED, Outcome.RETIRED, Outcome.NOT_FOUND);
    assertThat(results.get(1).message()).contains("no response for this step");
    assertThat(results.get(3).attempts()).isZero();
  }

  @Test
  void givenAnOutOfRangeStatus_whenRetireAll_thenFailedWithGraphsCode() {
    graph.enqueue(
        batchAnswer(stepError("1", 500, GraphTestData.errorBody("InternalServerError", "Oops."))));

    assertThat(batches.retireAll(List.of(ADELE)))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(r.graphCode()).isEqualTo("InternalServerError");
              assertThat(r.message()).isEqualTo("Oops.");
            });
  }
}
