package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.JsonBodies.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/** Assertions that a response is a complete Graph error envelope and betrays nothing internal. */
final class GraphErrorAssertions {

  /** Text that would betray internals: Java class names, stack frames, Jersey's own wording. */
  static final List<String> INTERNAL_MARKERS =
      List.of(
          "Exception:",
          "Exception(",
          "IllegalState",
          "NullPointer",
          ".java",
          "java.",
          "org.glassfish",
          "org.devicemanagement",
          "\tat ",
          "jersey",
          "HTTP 4",
          "HTTP 5",
          "<html");

  private GraphErrorAssertions() {}

  /**
   * Asserts a complete Graph error: status, JSON content type, the envelope with exactly its
   * fields, request ids matching the headers, a date in seconds, and nothing internal.
   *
   * @return the whole body
   */
  static JsonNode assertGraphError(
      HttpResponse<String> response, int status, String code, String message) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = JsonBodies.json(response);
    assertThat(fieldNames(body)).containsExactly("error");
    JsonNode error = body.get("error");
    assertThat(fieldNames(error)).containsExactly("code", "message", "innerError");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isEqualTo(message);
    JsonNode inner = error.get("innerError");
    assertThat(fieldNames(inner)).containsExactly("date", "request-id", "client-request-id");
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
    assertThat(inner.get("request-id").asText()).isEqualTo(requestId);
    assertThat(inner.get("client-request-id").asText())
        .isEqualTo(response.headers().firstValue("client-request-id").orElseThrow());
    assertThat(inner.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    assertNothingInternal(response);
    return body;
  }

  /** Asserts the body holds none of {@link #INTERNAL_MARKERS}. */
  static void assertNothingInternal(HttpResponse<String> response) {
    for (String marker : INTERNAL_MARKERS) {
      assertThat(response.body()).doesNotContain(marker);
    }
  }
}
