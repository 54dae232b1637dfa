package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults set through the control API ({@code /_emulator/faults}): a matching Graph request is
 * answered with the fault's error in Graph's envelope before its action runs, as many times as
 * asked; every malformed fault is a 400 naming what is wrong.
 */
class ControlFaultsHttpTest {

  @RegisterExtension
  static final TestServerExtension server =
      new TestServerExtension(TestServer.builder().control(ControlApi.on(10)));

  private static final String RETIRE_ALL =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";
  private static final String THROTTLE_RETIRE_ALL_3_TIMES =
      """
      {"match": {"method": "POST", "path": "/v1.0/users/*/removeAllDevicesFromManagement"},
       "respond": {"status": 429, "code": "TooManyRequests", "message": "Slow down.",
                   "retryAfter": 2, "delayMs": 0},
       "times": 3}""";

  private static String token() {
    return TestTokens.delegated().build();
  }

  private static HttpResponse<String> setFault(String json) {
    return server.postJson("_emulator/faults", json);
  }

  private static JsonNode faults() {
    return JsonBodies.json(server.get("_emulator/faults")).get("value");
  }

  @Test
  void givenAFaultForThreeTimes_whenRetireAllIsSentFourTimes_thenThree429sThenTheActionRuns() {
    HttpResponse<String> set = setFault(THROTTLE_RETIRE_ALL_3_TIMES);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    String id = JsonBodies.json(set).get("id").asText();
    assertThat(id).isNotBlank();

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> faulted = server.post(RETIRE_ALL, token());
      assertGraphError(faulted, 429, "TooManyRequests", "Slow down.");
      assertThat(faulted.headers().firstValue("Retry-After")).hasValue("2");
    }
    assertThat(server.tenant().listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .contains(ManagementState.MANAGED);
    assertThat(faults()).isEmpty();
    assertThat(server.post(RETIRE_ALL, token()).statusCode()).isEqualTo(204);
    assertThat(server.tenant().listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenAFault_whenListed_thenItsMatchResponseTimesLeftAndAnswersAreShown() {
    String id = JsonBodies.json(setFault(THROTTLE_RETIRE_ALL_3_TIMES)).get("id").asText();
    server.post(RETIRE_ALL, token());

    JsonNode fault = faults().get(0);

    assertThat(fault.get("id").asText()).isEqualTo(id);
    assertThat(fault.get("match").get("method").asText()).isEqualTo("POST");
    assertThat(fault.get("match").get("path").asText())
        .isEqualTo("/v1.0/users/*/removeAllDevicesFromManagement");
    assertThat(fault.get("respond").get("status").asInt()).isEqualTo(429);
    assertThat(fault.get("respond").get("retryAfter").asInt()).isEqualTo(2);
    assertThat(fault.get("times").asInt()).isEqualTo(2);
    assertThat(fault.get("probability").isNull()).isTrue();
    assertThat(fault.get("answered").asInt()).isEqualTo(1);
  }

  @Test
  void givenAFaultOnOnePath_whenOtherPathsAndMethodsAreCalled_thenTheyAnswerAsUsual() {
    setFault(
        """
        {"match": {"method": "GET", "path": "/v1.0/deviceManagement/managedDevices/*"},
         "respond": {"status": 503}}""");

    assertThat(server.get("v1.0/deviceManagement/managedDevices", token()).statusCode())
        .isEqualTo(200);
    assertThat(server.post(RETIRE_ALL, token()).statusCode()).isEqualTo(204);
    HttpResponse<String> faulted =
        server.get(
            "v1.0/deviceManagement/managedDevices/" + RestTenant.adelesDevices().get(0).id(),
            token());
    JsonNode error = assertGraphError(faulted, 503, "ServiceUnavailable", message(faulted));
    assertThat(error.get("error").get("message").asText())
        .startsWith("Fault ")
        .endsWith(", set through the emulator's control API.");
    assertThat(faulted.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void givenAFault_whenTheRequestSpellsThePathOtherwise_thenItMatchesIgnoringCaseAsRouting() {
    setFault(THROTTLE_RETIRE_ALL_3_TIMES);

    HttpResponse<String> response =
        server.post(
            "V1.0/USERS('"
                + ADELE.userPrincipalName()
                + "')/microsoft.graph.removeAllDevicesFromManagement",
            token());

    assertThat(response.statusCode()).isEqualTo(429);
  }

  @Test
  void givenAFaultForEveryPath_whenTheControlApiIsCalled_thenItIsNeverFaulted() {
    setFault("{\"match\": {\"path\": \"/**\"}, \"respond\": {\"status\": 500}}");

    assertThat(server.get("_emulator/faults").statusCode()).isEqualTo(200);
    assertThat(server.get("_emulator/requests").statusCode()).isEqualTo(200);
    assertGraphError(
        server.get("v1.0/me", token()),
        500,
        "generalException",
        message(server.get("v1.0/me", token())));
  }

  @Test
  void givenNoToken_whenAFaultMatches_thenAuthenticationAnswersFirst() {
    setFault(THROTTLE_RETIRE_ALL_3_TIMES);

    HttpResponse<String> response =
        server.send(server.request(RETIRE_ALL).POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(faults().get(0).get("times").asInt()).isEqualTo(3);
  }

  @Test
  void givenAFault_whenItsRequestIsInsideABatch_thenOnlyThatInnerRequestIsFaulted() {
    setFault(THROTTLE_RETIRE_ALL_3_TIMES);
    String body =
        """
        {"requests": [
          {"id": "1", "method": "POST", "url": "/users/%s/removeAllDevicesFromManagement"},
          {"id": "2", "method": "GET", "url": "/me/managedDevices"}
        ]}"""
            .formatted(ADELE.id());

    HttpResponse<String> batch =
        server.send(
            server
                .authorized("v1.0/$batch", token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(batch.statusCode()).isEqualTo(200);
    JsonNode responses = JsonBodies.json(batch).get("responses");
    // Answers are listed in the batch's order.
    JsonNode retire = responses.get(0);
    JsonNode list = responses.get(1);
    assertThat(retire.get("status").asInt()).isEqualTo(429);
    assertThat(retire.get("headers").get("Retry-After").asText()).isEqualTo("2");
    assertThat(retire.get("body").get("error").get("code").asText()).isEqualTo("TooManyRequests");
    assertThat(retire.get("headers").has("request-id")).isTrue();
    assertThat(list.get("status").asInt()).isEqualTo(200);
  }

  @Test
  void givenProbabilityOneAndZero_whenRequestsMatch_thenAlwaysAndNeverFaulted() {
    setFault(
        "{\"match\": {\"path\": \"/v1.0/me/managedDevices\"}, \"respond\": {\"status\": 502},"
            + " \"probability\": 0}");
    assertThat(server.get("v1.0/me/managedDevices", token()).statusCode()).isEqualTo(200);

    setFault(
        "{\"match\": {\"path\": \"/*/me/**\"}, \"respond\": {\"status\": 504},"
            + " \"probability\": 1}");
    for (int i = 0; i < 3; i++) {
      assertThat(server.get("v1.0/me/managedDevices", token()).statusCode()).isEqualTo(504);
    }
    assertThat(faults()).hasSize(2);
  }

  @Test
  void givenADelay_whenTheFaultAnswers_thenNotBeforeTheDelay() {
    setFault(
        "{\"match\": {\"path\": \"/v1.0/me\"}, \"respond\": {\"status\": 503, \"delayMs\": 300},"
            + " \"times\": 1}");

    long started = System.nanoTime();
    HttpResponse<String> response = server.get("v1.0/me", token());
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
  }

  @Test
  void givenFaults_whenOneAndThenAllAreDeleted_then204sAndNoneLeft() {
    String first = JsonBodies.json(setFault(THROTTLE_RETIRE_ALL_3_TIMES)).get("id").asText();
    setFault(THROTTLE_RETIRE_ALL_3_TIMES);
    setFault(THROTTLE_RETIRE_ALL_3_TIMES);

    assertThat(server.delete("_emulator/faults/" + first).statusCode()).isEqualTo(204);
    assertThat(faults()).hasSize(2);
    assertThat(server.delete("_emulator/faults").statusCode()).isEqualTo(204);
    assertThat(faults()).isEmpty();
    assertThat(server.post(RETIRE_ALL, token()).statusCode()).isEqualTo(204);
  }

  @Test
  void givenAnUnknownFaultId_whenDeleted_then404() {
    assertGraphError(
        server.delete("_emulator/faults/nope"),
        404,
        "ResourceNotFound",
        "No fault has the id 'nope'.");
  }

  static Stream<Arguments> invalidFaults() {
    String respond = "\"respond\": {\"status\": 429}";
    return Stream.of(
        Arguments.of("", "The request needs a JSON object as its body."),
        Arguments.of("{", "The request body is not valid JSON."),
        Arguments.of("[]", "The request body must be a JSON object."),
        Arguments.of("\"fault\"", "The request body must be a JSON object."),
        Arguments.of("{}", "respond is required: {\"status\": 400 to 599, ...}."),
        Arguments.of("{\"respond\": 429}", "respond must be a JSON object."),
        Arguments.of(
            "{\"respond\": {\"status\": 200}}",
            "respond.status must be a whole number from 400 to 599."),
        Arguments.of(
            "{\"respond\": {\"status\": 600}}",
            "respond.status must be a whole number from 400 to 599."),
        Arguments.of(
            "{\"respond\": {\"status\": \"429\"}}",
            "respond.status must be a whole number from 400 to 599."),
        Arguments.of(
            "{\"respond\": {\"status\": 429.5}}",
            "respond.status must be a whole number from 400 to 599."),
        Arguments.of(
            "{\"respond\": {\"status\": 1e400}}",
            "respond.status must be a whole number from 400 to 599."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"delayMs\": 60001}}",
            "respond.delayMs must be a whole number from 0 to 60000."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"delayMs\": -1}}",
            "respond.delayMs must be a whole number from 0 to 60000."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"retryAfter\": -1}}",
            "respond.retryAfter must be a number of seconds from 0 to 86400, to the millisecond."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"retryAfter\": \"2\"}}",
            "respond.retryAfter must be a number of seconds from 0 to 86400, to the millisecond."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"code\": 7}}",
            "respond.code must be a non-blank string."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"code\": \"" + "x".repeat(101) + "\"}}",
            "respond.code must be at most 100 characters long."),
        Arguments.of(
            "{\"respond\": {\"status\": 429, \"message\": \"" + "x".repeat(1001) + "\"}}",
            "respond.message must be at most 1000 characters long."),
        Arguments.of(
            "{" + respond + ", \"probability\": 1.5}", "probability must be a number from 0 to 1."),
        Arguments.of(
            "{" + respond + ", \"probability\": \"often\"}",
            "probability must be a number from 0 to 1."),
        Arguments.of(
            "{" + respond + ", \"times\": 0}",
            "times must be a whole number from 1 to 2147483647."),
        Arguments.of(
            "{" + respond + ", \"times\": 2.5}",
            "times must be a whole number from 1 to 2147483647."),
        Arguments.of(
            "{" + respond + ", \"times\": 99999999999}",
            "times must be a whole number from 1 to 2147483647."),
        Arguments.of(
            "{" + respond + ", \"times\": 1, \"probability\": 0.5}",
            "Give times or probability, not both (neither: every matching request until removed)."),
        Arguments.of(
            "{" + respond + ", \"repeat\": 1}",
            "Unknown property 'repeat'; expected one of [match, probability, respond, times]."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"url\": \"/v1.0/me\"}}",
            "Unknown property 'match.url'; expected one of [match.method, match.path]."),
        Arguments.of("{" + respond + ", \"match\": \"/v1.0/me\"}", "match must be a JSON object."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"path\": \"/v1.0/remove*\"}}",
            "In match.path, * and ** stand for whole segments only."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"path\": \"/v1.0//me\"}}",
            "match.path must not have an empty segment."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"path\": \"\"}}",
            "match.path must be a non-blank string."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"path\": \"/" + "a".repeat(2048) + "\"}}",
            "match.path must be a path of 1 to 2048 characters."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"method\": \"PO ST\"}}",
            "match.method must be an HTTP method such as POST."),
        Arguments.of(
            "{" + respond + ", \"match\": {\"method\": [\"POST\"]}}",
            "match.method must be a non-blank string."),
        Arguments.of("[".repeat(5_000) + "]".repeat(5_000), "The request body is not valid JSON."),
        Arguments.of(
            "{\"respond\": {\"status\": 429}} trailing", "The request body is not valid JSON."));
  }

  @ParameterizedTest
  @MethodSource("invalidFaults")
  void givenAnInvalidFault_whenSet_then400NamingWhatIsWrongAndNothingIsSet(
      String body, String message) {
    assertGraphError(setFault(body), 400, "BadRequest", message);
    assertThat(faults()).isEmpty();
  }

  @Test
  void givenABodyOverTheLimit_whenAFaultIsSet_then413() {
    String body = "{\"respond\": {\"status\": 429, \"message\": \"" + "x".repeat(70_000) + "\"}}";

    assertThat(setFault(body).statusCode()).isEqualTo(413);
    assertThat(faults()).isEmpty();
  }

  private static String message(HttpResponse<String> response) {
    return JsonBodies.json(response).get("error").get("message").asText();
  }
}
