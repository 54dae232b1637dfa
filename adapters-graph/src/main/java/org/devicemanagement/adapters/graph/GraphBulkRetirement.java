package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.graph.GraphBatches.BatchAnswer;
import org.devicemanagement.adapters.graph.GraphBatches.Step;
import org.devicemanagement.adapters.graph.GraphBatches.StepAnswer;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.domain.ManagedDevice;

/**
 * The application's {@link BulkRetirement} over Graph's JSON batching: one {@code POST /$batch} per
 * call, a step per user ({@code GET /users/{ref}/managedDevices} or {@code POST
 * /users/{ref}/removeAllDevicesFromManagement}), each step's answer handed back as it came: steps
 * Graph throttles are not retried here, since the caller paces a whole run and decides when to send
 * them again. The batch request itself is retried as every call of the tenant is.
 */
final class GraphBulkRetirement implements BulkRetirement {

  // A user has a handful of devices; this many pages means Graph keeps handing out links.
  private static final int MAX_PAGES = 100;

  private final GraphHttp http;

  GraphBulkRetirement(GraphHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public String target() {
    return http.settings().baseUrl().toString();
  }

  @Override
  public List<Answer> devicesOf(List<String> users) {
    return call(users, "GET", "/managedDevices");
  }

  @Override
  public List<Answer> retireAll(List<String> users) {
    return call(users, "POST", "/removeAllDevicesFromManagement");
  }

  private List<Answer> call(List<String> users, String method, String action) {
    Objects.requireNonNull(users, "users");
    if (users.isEmpty() || users.size() > MAX_USERS) {
      throw new IllegalArgumentException(
          "a batch names 1 to %d users, not %d".formatted(MAX_USERS, users.size()));
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      String user = users.get(i);
      if (GraphHttp.usableSegment(user)) {
        steps.add(
            new Step(
                Integer.toString(i + 1), method, "/users/" + GraphHttp.segment(user) + action));
      }
    }
    BatchAnswer batch =
        steps.isEmpty() ? new BatchAnswer(Map.of(), "", "") : GraphBatches.send(http, steps);
    List<Answer> answers = new ArrayList<>(users.size());
    for (int i = 0; i < users.size(); i++) {
      String user = users.get(i);
      if (!GraphHttp.usableSegment(user)) {
        answers.add(
            new Answer(
                user,
                AnswerKind.NOT_FOUND,
                0,
                "",
                "not a user reference Graph can resolve",
                "",
                Optional.empty(),
                List.of()));
        continue;
      }
      StepAnswer step = batch.step(Integer.toString(i + 1));
      answers.add(
          step == null
              ? new Answer(
                  user,
                  AnswerKind.FAILED,
                  0,
                  "",
                  "Graph's batch answer has no response for this step",
                  batch.requestId(),
                  Optional.empty(),
                  List.of())
              : answerOf(user, step, batch, method.equals("GET")));
    }
    return answers;
  }

  private Answer answerOf(String user, StepAnswer step, BatchAnswer batch, boolean read) {
    int status = step.status();
    ReceivedGraphError error =
        status >= 300 && step.body().isObject()
            ? ReceivedGraphError.parse(step.body().toString(), http.json())
            : ReceivedGraphError.NONE;
    String requestId = step.headers().getOrDefault("request-id", error.requestId());
    if (requestId.isEmpty()) {
      requestId = batch.requestId();
    }
    Optional<Duration> retryAfter =
        Optional.ofNullable(step.headers().get("retry-after"))
            .flatMap(value -> RetryDelays.parseRetryAfter(value, http.clock().instant()));
    AnswerKind kind;
    List<ManagedDevice> devices = List.of();
    String message = error.message();
    if (status >= 200 && status < 300) {
      kind = AnswerKind.OK;
      if (read) {
        try {
          devices = devices(step.body());
        } catch (RuntimeException e) {
          kind = AnswerKind.FAILED;
          message = "Graph's list of the user's devices is unreadable: " + e.getMessage();
        }
      }
    } else if (status == 404) {
      kind = AnswerKind.NOT_FOUND;
    } else if (status == 403) {
      kind =
          error.code().equalsIgnoreCase("quotaLimitReached")
              ? AnswerKind.DAILY_LIMIT_REACHED
              : AnswerKind.FORBIDDEN;
    } else if (status == 429 || status == 503 || status == 504) {
      kind = AnswerKind.TRY_AGAIN;
    } else if (status == 401) {
      kind = AnswerKind.TOKEN_REJECTED;
    } else {
      kind = AnswerKind.FAILED;
    }
    return new Answer(user, kind, status, error.code(), message, requestId, retryAfter, devices);
  }

  /** The devices of a list answer, following {@code @odata.nextLink} outside the batch. */
  private List<ManagedDevice> devices(JsonNode page) {
    List<ManagedDevice> devices = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    JsonNode current = page;
    for (int pages = 1; ; pages++) {
      JsonNode value = current.path("value");
      if (!value.isArray()) {
        throw new IllegalArgumentException("'value' is missing or not an array");
      }
      for (JsonNode device : value) {
        devices.add(GraphEntityReader.device(device));
      }
      JsonNode link = current.path("@odata.nextLink");
      if (link.isMissingNode() || link.isNull()) {
        return devices;
      }
      if (pages >= MAX_PAGES) {
        throw new IllegalArgumentException("more than %d pages".formatted(MAX_PAGES));
      }
      GraphResponse response = http.send("GET", nextLink(link, visited));
      http.requireStatus(response, 200);
      current = http.jsonObject(response);
    }
  }

  private URI nextLink(JsonNode link, Set<URI> visited) {
    URI next = URI.create(link.asText());
    Optional<String> relative = http.relativeToBase(next);
    if (relative.isEmpty() || !visited.add(next)) {
      throw new IllegalArgumentException(
          "'@odata.nextLink' points away from Graph or repeats a page");
    }
    return http.uri(relative.get());
  }

  @Override
  public String toString() {
    return "GraphBulkRetirement[" + target() + "]";
  }
}
