package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Checks a response against the Graph error contract: status, code, envelope and id headers. */
final class GraphErrorAssertions {

  private static final String GUID = "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}";
  private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

  private GraphErrorAssertions() {}

  /**
   * Asserts a Graph error with {@code status} and {@code code}, and returns its message; {@code
   * sentClientRequestId} is the header the request carried, or null.
   */
  static String assertGraphError(
      HttpResponse<String> response, int status, String code, String sentClientRequestId) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertThat(requestId).matches(GUID);
    String clientRequestId = response.headers().firstValue("client-request-id").orElseThrow();
    assertThat(clientRequestId)
        .isEqualTo(sentClientRequestId == null ? requestId : sentClientRequestId);
    JsonNode error = BootstrapTestData.json(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo(code);
    String message = error.path("message").asText();
    assertThat(message).isNotBlank();
    JsonNode inner = error.path("innerError");
    assertThat(inner.path("date").asText()).matches(ISO_SECONDS);
    assertThat(inner.path("request-id").asText()).isEqualTo(requestId);
    assertThat(inner.path("client-request-id").asText()).isEqualTo(clientRequestId);
    return message;
  }
}
