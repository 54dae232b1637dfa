package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Graph's JSON batching ({@code POST /$batch}) as the batch ports send it: steps without bodies,
 * and each step's answer by id.
 */
final class GraphBatches {

  private GraphBatches() {}

  /**
   * Sends {@code steps} as one batch request (one logical call of the tenant: bulkhead, retries of
   * the batch request itself, credentials) and reads each step's answer.
   *
   * @throws org.devicemanagement.application.failure.DeviceManagementException if the batch request
   *     fails as a whole or its answer is malformed
   */
  static BatchAnswer send(GraphHttp http, List<Step> steps) {
    ObjectNode body = http.json().createObjectNode();
    ArrayNode requests = body.putArray("requests");
    for (Step step : steps) {
      requests.addObject().put("id", step.id()).put("method", step.method()).put("url", step.url());
    }
    GraphResponse response = http.sendJson("POST", http.uri("/$batch"), body.toString());
    http.requireStatus(response, 200);
    JsonNode answer = http.jsonObject(response);
    JsonNode responses = answer.path("responses");
    if (!responses.isArray()) {
      throw http.malformed(response, "'responses' is missing or not an array", null);
    }
    Map<String, StepAnswer> stepAnswers = new HashMap<>();
    for (JsonNode node : responses) {
      JsonNode id = node.path("id");
      JsonNode status = node.path("status");
      if (!id.isTextual() || !status.canConvertToInt() || !status.isIntegralNumber()) {
        throw http.malformed(response, "a response has no text 'id' or no integer 'status'", null);
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, JsonNode> header : node.path("headers").properties()) {
        if (header.getValue().isValueNode()) {
          headers.put(header.getKey(), header.getValue().asText());
        }
      }
      stepAnswers.put(key(id.asText()), new StepAnswer(status.asInt(), headers, node.path("body")));
    }
    return new BatchAnswer(stepAnswers, response.requestId(), response.clientRequestId());
  }

  /** The key steps and users are compared by: Graph compares ids ignoring case. */
  static String key(String reference) {
    return reference.toLowerCase(Locale.ROOT);
  }

  /** One step: its id in the batch, its method and its URL relative to the version. */
  record Step(String id, String method, String url) {
    Step {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
    }
  }

  /** Graph's answer to one step. */
  record StepAnswer(int status, Map<String, String> headers, JsonNode body) {}

  /** Graph's answer to one batch request: each step's answer by id, and the batch's ids. */
  record BatchAnswer(Map<String, StepAnswer> steps, String requestId, String clientRequestId) {

    /** The answer to step {@code id}, if Graph gave one. */
    @Nullable StepAnswer step(String id) {
      return steps.get(key(id));
    }
  }
}
