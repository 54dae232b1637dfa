package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.RestTenant.BROKEN;
import static org.devicemanagement.adapters.rest.TestTime.NOW;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.devicemanagement.adapters.rest.FailureInjectingTenant.Port;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Every row of graph-contract.md's error table, over real HTTP. */
class ErrorResponsesHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private static final String RETIRE_ADELE =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";
  private static final String LIST_ADELE = "v1.0/users/" + ADELE.id() + "/managedDevices";
  private static final String EMPTY = "Access token is empty.";

  /** The internal detail an unexpected failure carries; it must never reach a response. */
  private static final String INTERNAL_DETAIL =
      "java.lang.IllegalStateException: db password=hunter2";

  // ---- 401 -----------------------------------------------------------------------------------

  @Test
  void givenNoAuthorizationHeader_whenPost_then401AccessTokenIsEmpty() {
    HttpResponse<String> response =
        server.send(server.request(RETIRE_ADELE).POST(HttpRequest.BodyPublishers.noBody()));

    assertGraphError(response, 401, "InvalidAuthenticationToken", EMPTY);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(server.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Bearer", "Bearer    ", "bearer", "Basic dXNlcjpwYXNz", "Token abc", "   "})
  void givenNoBearerToken_whenGet_then401AccessTokenIsEmpty(String authorization) {
    HttpResponse<String> response =
        server.send(server.request(LIST_ADELE).header("Authorization", authorization).GET());

    assertGraphError(response, 401, "InvalidAuthenticationToken", EMPTY);
    assertThat(response.body()).doesNotContain("dXNlcjpwYXNz");
  }

  @Test
  void givenExpiredToken_whenPost_then401ValidationFailureNamingTheCheckButNotTheToken() {
    String token = TestTokens.delegated().expiresAt(NOW.minusSeconds(3600)).build();

    HttpResponse<String> response = server.post(RETIRE_ADELE, token);

    assertGraphError(
        response,
        401,
        "InvalidAuthenticationToken",
        "Access token validation failure. The token has expired.");
    assertThat(response.body()).doesNotContain(token).doesNotContain(token.split("\\.", -1)[1]);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer error=\"invalid_token\"");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void givenWrongAudience_whenGet_then401NamingTheAudience() {
    HttpResponse<String> response =
        server.get(LIST_ADELE, TestTokens.delegated().claim("aud", "api://other").build());

    assertGraphError(
        response,
        401,
        "InvalidAuthenticationToken",
        "Access token validation failure. The audience 'api://other' is not Microsoft Graph.");
  }

  @Test
  void givenBadSignature_whenGet_then401SignatureInvalid() {
    String token = TestTokens.delegated().signedWith(TestTokens.OTHER_KEY).build();

    HttpResponse<String> response = server.get(LIST_ADELE, token);

    assertGraphError(
        response,
        401,
        "InvalidAuthenticationToken",
        "Access token validation failure. The signature is invalid.");
    assertThat(response.body()).doesNotContain(token);
  }

  @Test
  void givenGarbageToken_whenGet_then401Malformed() {
    HttpResponse<String> response = server.get(LIST_ADELE, "not-a-jwt-at-all");

    assertGraphError(
        response,
        401,
        "InvalidAuthenticationToken",
        "Access token validation failure. The token is not a well-formed JWT.");
    assertThat(response.body()).doesNotContain("not-a-jwt-at-all");
  }

  // ---- 403 -----------------------------------------------------------------------------------

  @Test
  void givenAppToken_whenRetireAll_then403PermissionTypeNotSupported() {
    HttpResponse<String> response =
        server.post(
            RETIRE_ADELE, TestTokens.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build());

    JsonNode body = assertGraphError(response, 403, "Forbidden", messageOf(response));
    assertThat(body.at("/error/message").asText())
        .contains("'Application' is not supported for removeAllDevicesFromManagement")
        .contains(Permissions.PRIVILEGED_OPERATIONS_ALL);
    assertThat(
            server
                .tenant()
                .findDeviceById(RestTenant.adelesDevices().get(0).id())
                .orElseThrow()
                .managementState())
        .isEqualTo(RestTenant.adelesDevices().get(0).managementState());
  }

  @Test
  void givenPersonalAccount_whenRetireAll_then403() {
    HttpResponse<String> response = server.post(RETIRE_ADELE, TestTokens.personal().build());

    JsonNode body = assertGraphError(response, 403, "Forbidden", messageOf(response));
    assertThat(body.at("/error/message").asText())
        .contains("Delegated (personal Microsoft account)");
  }

  @Test
  void givenDelegatedTokenWithoutTheScope_whenRetireAll_then403NamingTheScope() {
    HttpResponse<String> response =
        server.post(RETIRE_ADELE, TestTokens.delegated().claim("scp", "User.Read").build());

    JsonNode body = assertGraphError(response, 403, "Forbidden", messageOf(response));
    assertThat(body.at("/error/message").asText())
        .startsWith("Missing permission for removeAllDevicesFromManagement")
        .contains(Permissions.PRIVILEGED_OPERATIONS_ALL);
  }

  // ---- 404 -----------------------------------------------------------------------------------

  @Test
  void givenUnknownUser_whenRetireAll_then404RequestResourceNotFound() {
    HttpResponse<String> response =
        server.post(
            "v1.0/users/nobody%40contoso.com/removeAllDevicesFromManagement",
            TestTokens.delegated().build());

    assertGraphError(
        response,
        404,
        "Request_ResourceNotFound",
        "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property"
            + " objects are not present.");
  }

  @Test
  void givenUnknownGuestUpnWithEncodedHashes_whenList_then404NamingTheDecodedUpn() {
    HttpResponse<String> response =
        server.get(
            "v1.0/users/guest_fabrikam.com%23EXT%23%40contoso.com/managedDevices",
            TestTokens.delegated().build());

    assertGraphError(
        response,
        404,
        "Request_ResourceNotFound",
        "Resource 'guest_fabrikam.com#EXT#@contoso.com' does not exist or one of its queried"
            + " reference-property objects are not present.");
  }

  @Test
  void givenUnknownDevice_whenGet_then404ResourceNotFound() {
    HttpResponse<String> response =
        server.get(
            "v1.0/deviceManagement/managedDevices/no-such-device", TestTokens.delegated().build());

    assertGraphError(
        response,
        404,
        "ResourceNotFound",
        "Resource 'no-such-device' does not exist or one of its queried reference-property objects"
            + " are not present.");
  }

  // ---- 400 -----------------------------------------------------------------------------------

  @Test
  void givenAppTokenOnMe_whenRetireAll_then400DelegatedOnly() {
    HttpResponse<String> response =
        server.post(
            "v1.0/me/removeAllDevicesFromManagement",
            TestTokens.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build());

    assertGraphError(
        response,
        400,
        "BadRequest",
        "/me request is only valid with delegated authentication flow.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":1}", "[]", "null", "{} {}", "x", "{\"confirm\":true}"})
  void givenABody_whenRetireAll_then400AndNothingRetired(String body) {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(RETIRE_ADELE, TestTokens.delegated().build())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertGraphError(
        response,
        400,
        "BadRequest",
        "The action removeAllDevicesFromManagement does not take a request body.");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void givenAHugeDeclaredBody_whenRetireAll_then413WithoutReadingIt() throws Exception {
    String token = TestTokens.delegated().build();

    String response = OversizedPost.send(server.base(), RETIRE_ADELE, token);

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"code\":\"RequestEntityTooLarge\"").contains("at most 64 KiB");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void givenAHugeDeclaredBodyAndExpectContinue_whenRetireAll_then413WithoutAskingForIt()
      throws Exception {
    String token = TestTokens.delegated().build();

    String response = OversizedPost.sendExpectingContinue(server.base(), RETIRE_ADELE, token);

    assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void givenARefusedPostWithASmallBody_whenTheConnectionIsUsedAgain_thenTheNextRequestIsAnswered()
      throws Exception {
    // A raw socket, so that the connection reused is known to be the same one: the body follows
    // the head a moment later (java.net.http writes it apart too, and a server that answered in
    // between closed the connection without saying so), and the next request goes out once the
    // first answer is read, as a client's connection pool reuses a connection.
    try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      write(
          out,
          "POST /"
              + RETIRE_ADELE
              + " HTTP/1.1\r\nHost: localhost\r\n"
              + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n");
      Thread.sleep(200);
      write(out, "{\"a\":1}");
      String first = RawAnswers.read(in);
      write(out, "GET /" + LIST_ADELE + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
      String second = RawAnswers.read(in);

      assertThat(first).startsWith("HTTP/1.1 401 ").doesNotContainIgnoringCase("connection: close");
      assertThat(second).startsWith("HTTP/1.1 401 ");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Test
  void givenNoTokenAndABody_whenRetireAll_then401First() {
    HttpResponse<String> response =
        server.send(
            server.request(RETIRE_ADELE).POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));

    assertGraphError(response, 401, "InvalidAuthenticationToken", EMPTY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.0/users/x/removeAllDevices|removeAllDevices",
        "v1.0/bogus|bogus",
        "v1.0/users/x/managedDevices/extra|extra",
        "beta/me/nothing|nothing",
        "v1.0/deviceManagement/somethingElse|somethingElse",
        "v1.0/users|users",
        "v1.0/%24metadata|$metadata",
        "v1.0/users/a%2Bb%40c.com/gadgets|gadgets"
      })
  void givenUnknownSegment_whenRequestedWithoutToken_then400NamingTheSegment(
      String pathAndSegment) {
    String[] parts = pathAndSegment.split("\\|", -1);

    HttpResponse<String> response = server.send(server.request(parts[0]).GET());

    assertGraphError(
        response,
        400,
        "BadRequest",
        "Resource not found for the segment '%s'.".formatted(parts[1]));
  }

  @Test
  void givenUnknownVersion_whenRequested_then400InvalidVersion() {
    HttpResponse<String> response = server.send(server.request("v2.0/me/managedDevices").GET());

    assertGraphError(response, 400, "BadRequest", "Invalid version: v2.0");
  }

  @Test
  void givenRootPath_whenRequested_then400() {
    HttpResponse<String> response = server.send(server.request("").GET());

    assertGraphError(
        response, 400, "BadRequest", "The request URI names no version; use /v1.0 or /beta.");
  }

  @Test
  void givenInvalidSkipToken_whenList_then400() {
    HttpResponse<String> response =
        server.get(LIST_ADELE + "?$skiptoken=garbage", TestTokens.delegated().build());

    assertGraphError(response, 400, "BadRequest", "The $skiptoken value is not valid.");
  }

  @Test
  void givenBlankUserSegment_whenList_then400InvalidObjectIdentifier() {
    HttpResponse<String> response =
        server.get("v1.0/users/%20/managedDevices", TestTokens.delegated().build());

    assertGraphError(response, 400, "BadRequest", "Invalid object identifier ' '.");
  }

  // ---- 405 -----------------------------------------------------------------------------------

  @Test
  void givenGetOnTheAction_whenRequestedWithoutToken_then405WithAllow() {
    HttpResponse<String> response = server.send(server.request(RETIRE_ADELE).GET());

    assertGraphError(
        response,
        405,
        "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.");
    assertThat(response.headers().firstValue("Allow").orElseThrow())
        .contains("POST")
        .doesNotContain("GET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DELETE", "PUT", "PATCH", "POST"})
  void givenOtherMethodsOnTheList_whenRequested_then405AllowingGet(String method) {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(LIST_ADELE, TestTokens.delegated().build())
                .method(method, HttpRequest.BodyPublishers.noBody()));

    assertGraphError(
        response,
        405,
        "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.");
    assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET");
  }

  // ---- 406 -----------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {"text/html", "application/xml", "text/plain", "application/json;q=0, text/html"})
  void givenAcceptExcludingJson_whenList_then406(String accept) {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(LIST_ADELE, TestTokens.delegated().build())
                .header("Accept", accept)
                .GET());

    JsonNode body = assertGraphError(response, 406, "NotAcceptable", messageOf(response));
    assertThat(body.at("/error/message").asText()).contains("application/json");
  }

  @Test
  void givenAcceptHtml_whenRetireAll_then406AndNothingRetired() {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(RETIRE_ADELE, TestTokens.delegated().build())
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertGraphError(response, 406, "NotAcceptable", messageOf(response));
    assertThat(server.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/*",
        "application/json",
        "application/json;odata.metadata=minimal",
        "application/json; charset=utf-8",
        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false",
        "application/*",
        "text/html, application/json;q=0.5"
      })
  void givenAcceptIncludingJson_whenList_then200(String accept) {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(LIST_ADELE, TestTokens.delegated().build())
                .header("Accept", accept)
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
  }

  // ---- 500 -----------------------------------------------------------------------------------

  @Test
  void givenUnexpectedFailure_whenRetireAll_then500GeneralExceptionWithRequestIdOnly() {
    server.fail(Port.USER_DIRECTORY, BROKEN, new IllegalStateException(INTERNAL_DETAIL));

    HttpResponse<String> response =
        server.post(
            "v1.0/users/" + BROKEN.id() + "/removeAllDevicesFromManagement",
            TestTokens.delegated().build());

    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertGraphError(
        response,
        500,
        "generalException",
        "An unexpected error occurred. Request id: " + requestId);
    assertThat(response.body()).doesNotContain(INTERNAL_DETAIL).doesNotContain("hunter2");
  }

  @Test
  void givenUnexpectedFailure_whenAnswered_thenLoggedOnceWithTheRequestIdAndCause() {
    server.fail(Port.USER_DIRECTORY, BROKEN, new IllegalStateException(INTERNAL_DETAIL));
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorEnvelope.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      HttpResponse<String> response =
          server.get(
              "v1.0/users/" + BROKEN.id() + "/managedDevices", TestTokens.delegated().build());

      assertThat(log.list).hasSize(1);
      assertThat(log.list.get(0).getFormattedMessage())
          .contains(response.headers().firstValue("request-id").orElseThrow());
      assertThat(log.list.get(0).getThrowableProxy().getMessage()).isEqualTo(INTERNAL_DETAIL);
    } finally {
      logger.detachAppender(log);
    }
  }

  // ---- request ids ---------------------------------------------------------------------------

  @Test
  void givenGuidClientRequestId_whenAnyResponse_thenEchoed() {
    String clientRequestId = "0b8e7a1c-95f3-4a2d-8c3e-1f2a3b4c5d6e";

    HttpResponse<String> error =
        server.send(server.request(LIST_ADELE).header("client-request-id", clientRequestId).GET());
    HttpResponse<String> success =
        server.send(
            server
                .authorized(LIST_ADELE, TestTokens.delegated().build())
                .header("client-request-id", clientRequestId)
                .GET());

    JsonNode body = assertGraphError(error, 401, "InvalidAuthenticationToken", EMPTY);
    assertThat(body.at("/error/innerError/client-request-id").asText()).isEqualTo(clientRequestId);
    assertThat(error.headers().firstValue("client-request-id")).contains(clientRequestId);
    assertThat(success.headers().firstValue("client-request-id")).contains(clientRequestId);
    assertThat(success.headers().firstValue("request-id"))
        .isPresent()
        .isNotEqualTo(error.headers().firstValue("request-id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a guid", "<script>", "id;drop", "a_b"})
  void givenUnsafeClientRequestId_whenResponse_thenRequestIdInstead(String clientRequestId) {
    HttpResponse<String> response =
        server.send(server.request(LIST_ADELE).header("client-request-id", clientRequestId).GET());

    JsonNode body = assertGraphError(response, 401, "InvalidAuthenticationToken", EMPTY);
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertThat(response.headers().firstValue("client-request-id")).contains(requestId);
    assertThat(body.at("/error/innerError/client-request-id").asText()).isEqualTo(requestId);
    assertThat(response.body()).doesNotContain(clientRequestId);
  }

  @Test
  void givenOverlongClientRequestId_whenResponse_thenRequestIdInstead() {
    String clientRequestId = "a".repeat(101);

    HttpResponse<String> response =
        server.send(server.request(LIST_ADELE).header("client-request-id", clientRequestId).GET());

    assertThat(response.headers().firstValue("client-request-id"))
        .isEqualTo(response.headers().firstValue("request-id"));
  }

  @Test
  void givenNoClientRequestId_whenSuccess_thenBothIdsAreTheRequestId() {
    HttpResponse<String> response = server.post(RETIRE_ADELE, TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    assertThat(response.headers().firstValue("client-request-id")).contains(requestId);
  }

  private static String messageOf(HttpResponse<String> response) {
    return JsonBodies.json(response).at("/error/message").asText();
  }
}
