package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.devicemanagement.adapters.rest.FailureInjectingTenant.Port;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET users/{id}} and {@code GET me}, and how the backend's (Graph's) failures are answered.
 */
class UserAndBackendFailuresHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private static final String GET_ADELE = "v1.0/users/" + ADELE.id();
  private static final String GRAPH_REQUEST_ID = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
  private static final String SENT_CLIENT_REQUEST_ID = "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";

  private static String userReader() {
    return TestTokens.delegated().claim("scp", Permissions.USER_READ_ALL).build();
  }

  // ---- GET users/{id | upn}, GET me ------------------------------------------------------------

  @Test
  void givenUserReader_whenGetUserById_then200GraphUserWithContext() {
    HttpResponse<String> response = server.get(GET_ADELE, userReader());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JsonBodies.json(response);
    assertThat(JsonBodies.fieldNames(body))
        .containsExactly("@odata.context", "id", "userPrincipalName", "displayName");
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#users/$entity");
    assertThat(body.get("id").asText()).isEqualTo(ADELE.id());
    assertThat(body.get("userPrincipalName").asText()).isEqualTo(ADELE.userPrincipalName());
    assertThat(body.get("displayName").asText()).isEqualTo(ADELE.displayName());
    assertThat(response.headers().firstValue("request-id")).isPresent();
  }

  @Test
  void givenBasicReader_whenGetUserByUpnWithSelectOnBeta_thenSelectIgnoredAndUserServed() {
    String token = TestTokens.delegated().claim("scp", Permissions.USER_READ_BASIC_ALL).build();

    HttpResponse<String> response =
        server.get("beta/users/adele.vance%40contoso.com?$select=id,displayName", token);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JsonBodies.json(response);
    assertThat(body.get("@odata.context").asText()).endsWith("beta/$metadata#users/$entity");
    assertThat(body.get("userPrincipalName").asText()).isEqualTo(ADELE.userPrincipalName());
  }

  @Test
  void givenSignedInReader_whenGetMe_thenTheCaller() {
    HttpResponse<String> response = server.get("v1.0/me", userReader());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JsonBodies.json(response).get("id").asText()).isEqualTo(ADELE.id());
  }

  @Test
  void givenDeviceScopesOnly_whenGetUser_then403NamingUserScopes() {
    HttpResponse<String> response = server.get(GET_ADELE, TestTokens.delegated().build());

    JsonNode error = assertErrorStatus(response, 403, "Forbidden");
    assertThat(error.get("message").asText())
        .contains("get user")
        .contains(Permissions.USER_READ_BASIC_ALL)
        .contains(Permissions.DIRECTORY_READ_WRITE_ALL);
  }

  @Test
  void givenUnknownUser_whenGet_then404RequestResourceNotFound() {
    HttpResponse<String> response =
        server.get("v1.0/users/00000000-0000-4000-8000-00000000dead", userReader());

    assertErrorStatus(response, 404, "Request_ResourceNotFound");
  }

  @Test
  void givenNoToken_whenGetUser_then401AsTheRouteExists() {
    HttpResponse<String> response = server.send(server.request(GET_ADELE).GET());

    assertGraphError(response, 401, "InvalidAuthenticationToken", "Access token is empty.");
  }

  @Test
  void givenPost_whenUserRoute_then405() {
    HttpResponse<String> response = server.post(GET_ADELE, userReader());

    assertErrorStatus(response, 405, "Request_BadRequest");
  }

  // ---- the backend's failures -------------------------------------------------------------------

  /**
   * A backend failure, the status, code and Retry-After it must give, and text the message holds.
   */
  record Row(
      String label,
      RuntimeException failure,
      int status,
      String code,
      Optional<String> retryAfter,
      List<String> messageParts) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Arguments> backendFailures() {
    return Stream.of(
            new Row(
                "Graph 401",
                new BackendRejectedTokenException(
                    "InvalidAuthenticationToken",
                    "Lifetime validation failed, the token is expired.",
                    GRAPH_REQUEST_ID,
                    SENT_CLIENT_REQUEST_ID),
                401,
                "InvalidAuthenticationToken",
                Optional.empty(),
                List.of("Lifetime validation failed, the token is expired.")),
            new Row(
                "Graph 401 without a message",
                new BackendRejectedTokenException("", "", "", SENT_CLIENT_REQUEST_ID),
                401,
                "InvalidAuthenticationToken",
                Optional.empty(),
                List.of("Access token validation failure.")),
            new Row(
                "Graph 403 naming scopes",
                new BackendForbiddenException(
                    List.of(Permissions.READ_ALL, Permissions.READ_WRITE_ALL),
                    "Forbidden",
                    "Application is not authorized to perform this operation.",
                    GRAPH_REQUEST_ID,
                    SENT_CLIENT_REQUEST_ID),
                403,
                "Forbidden",
                Optional.empty(),
                List.of(Permissions.READ_ALL, Permissions.READ_WRITE_ALL, GRAPH_REQUEST_ID)),
            new Row(
                "Graph 429 with Retry-After 2.3 s",
                unavailable(
                    429,
                    "TooManyRequests",
                    "Too many requests",
                    Optional.of(Duration.ofMillis(2300)),
                    null),
                429,
                "TooManyRequests",
                Optional.of("3"),
                List.of("Please retry again later.", "TooManyRequests", GRAPH_REQUEST_ID)),
            new Row(
                "Graph 429 without Retry-After",
                unavailable(429, "", "", Optional.empty(), null),
                429,
                "TooManyRequests",
                Optional.empty(),
                List.of("Please retry again later.")),
            new Row(
                "Graph 503 with Retry-After 10",
                unavailable(
                    503,
                    "ServiceUnavailable",
                    "Service is busy",
                    Optional.of(Duration.ofSeconds(10)),
                    null),
                503,
                "ServiceUnavailable",
                Optional.of("10"),
                List.of("status 503", "Service is busy", GRAPH_REQUEST_ID, SENT_CLIENT_REQUEST_ID)),
            new Row(
                "Graph 500",
                unavailable(500, "UnknownError", "", Optional.empty(), null),
                503,
                "ServiceUnavailable",
                Optional.empty(),
                List.of("status 500", "UnknownError")),
            new Row(
                "Graph 504",
                unavailable(504, "GatewayTimeout", "", Optional.empty(), null),
                504,
                "GatewayTimeout",
                Optional.empty(),
                List.of("did not answer in time")),
            new Row(
                "no answer within the request timeout",
                unavailable(
                    0, "", "", Optional.empty(), new HttpTimeoutException("request timed out")),
                504,
                "GatewayTimeout",
                Optional.empty(),
                List.of("did not answer in time", SENT_CLIENT_REQUEST_ID)),
            new Row(
                "connection reset",
                unavailable(0, "", "", Optional.empty(), new IOException("Connection reset")),
                503,
                "ServiceUnavailable",
                Optional.empty(),
                List.of("no HTTP response")))
        .map(Arguments::of);
  }

  private static BackendUnavailableException unavailable(
      int status, String code, String message, Optional<Duration> retryAfter, Exception cause) {
    String requestId = status == 0 ? "" : GRAPH_REQUEST_ID;
    // The kind the Graph adapter gives such an answer.
    FailureKind kind =
        status == 429
            ? FailureKind.BACKEND_THROTTLED
            : status == 504 || cause instanceof HttpTimeoutException
                ? FailureKind.BACKEND_TIMEOUT
                : FailureKind.BACKEND_UNAVAILABLE;
    return cause == null
        ? new BackendUnavailableException(
            kind,
            "Graph answered " + status,
            status,
            code,
            message,
            requestId,
            SENT_CLIENT_REQUEST_ID,
            retryAfter)
        : new BackendUnavailableException(
            kind,
            "I/O error (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")",
            status,
            code,
            message,
            requestId,
            SENT_CLIENT_REQUEST_ID,
            retryAfter,
            cause);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backendFailures")
  void givenBackendFailure_whenRetire_thenGraphShapedErrorNeverA500(Row row) {
    server.fail(Port.DEVICE_RETIREMENT, ADELE, row.failure());

    HttpResponse<String> response =
        server.post(
            "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
            TestTokens.delegated().build());

    JsonNode error = assertErrorStatus(response, row.status(), row.code());
    assertThat(response.headers().firstValue("Retry-After")).isEqualTo(row.retryAfter());
    row.messageParts().forEach(part -> assertThat(error.get("message").asText()).contains(part));
    // Our own request-id is the envelope's; Graph's is only quoted in the message.
    assertThat(error.at("/innerError/request-id").asText())
        .isEqualTo(response.headers().firstValue("request-id").orElseThrow())
        .isNotEqualTo(GRAPH_REQUEST_ID);
  }

  private static JsonNode assertErrorStatus(
      HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = JsonBodies.json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo(code);
    GraphErrorAssertions.assertNothingInternal(response);
    return error;
  }
}
