package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.RestTenant.MEGAN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.devicemanagement.adapters.rest.FailureInjectingTenant.Port;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Graph's JSON batching, {@code POST /{version}/$batch}: each request inside answers exactly as it
 * would alone; a malformed batch is refused whole with a 400 in Graph's envelope.
 */
class BatchHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEVICE = RestTenant.adelesDevices().get(0).id();
  private static final String UNKNOWN_USER = "00000000-0000-4000-8000-00000000dead";

  /** Adele, holding every device scope and User.Read.All. */
  private static String everything() {
    return TestTokens.delegated()
        .claim(
            "scp",
            String.join(
                " ",
                Permissions.PRIVILEGED_OPERATIONS_ALL,
                Permissions.READ_ALL,
                Permissions.USER_READ_ALL))
        .build();
  }

  // ---- every route inside a batch, as it answers alone
  // -------------------------------------------

  @Test
  void givenEveryReadRoute_whenBatched_thenEachAnswersAsTheDirectCallInTheBatchsOrder() {
    List<String> urls =
        List.of(
            "/users/" + ADELE.id(),
            "me",
            "/users/" + ADELE.userPrincipalName() + "/managedDevices",
            "me/managedDevices?$top=2",
            "/deviceManagement/managedDevices",
            "deviceManagement/managedDevices/" + DEVICE,
            "/users/" + UNKNOWN_USER);
    ArrayNode requests = JSON.createArrayNode();
    for (int i = 0; i < urls.size(); i++) {
      requests.add(step(String.valueOf(i + 1), "GET", urls.get(i)));
    }

    HttpResponse<String> response = batch(requests, everything());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode responses = JsonBodies.json(response).get("responses");
    assertThat(field(responses, "id")).containsExactly("1", "2", "3", "4", "5", "6", "7");
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      assertAnswersAsAlone(
          responses.get(i), server.get("v1.0/" + url.replaceFirst("^/", ""), everything()));
    }
    assertThat(responses.get(6).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void givenRetireAll_whenBatched_then204WithoutBodyAndTheDevicesRetire() {
    HttpResponse<String> response =
        batch(
            array(
                step("retire", "POST", "/users/" + ADELE.id() + "/removeAllDevicesFromManagement")),
            everything());

    JsonNode answer = only(response);
    assertThat(answer.get("status").asInt()).isEqualTo(204);
    assertThat(answer.has("body")).isFalse();
    assertThat(JsonBodies.fieldNames(answer.get("headers")))
        .containsExactlyInAnyOrder("request-id", "client-request-id");
    assertThat(server.tenant().listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.RETIRE_PENDING);
    // The same action sent alone answers the same way.
    HttpResponse<String> alone =
        server.post("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement", everything());
    assertThat(alone.statusCode()).isEqualTo(204);
    assertThat(alone.body()).isEmpty();
  }

  @Test
  void givenRetireAllOnMeWithAnEmptyJsonBody_whenBatched_then204AsAlone() {
    ObjectNode retire = step("1", "POST", "me/microsoft.graph.removeAllDevicesFromManagement");
    retire.putObject("headers").put("Content-Type", "application/json");
    retire.putObject("body");

    assertThat(only(batch(array(retire), everything())).get("status").asInt()).isEqualTo(204);
  }

  @Test
  void givenRetireAllWithABody_whenBatched_thenItsOwn400AsAlone() {
    ObjectNode retire = step("1", "POST", "me/removeAllDevicesFromManagement");
    retire.putObject("headers").put("Content-Type", "application/json");
    retire.putObject("body").put("keepEnrollmentData", true);

    JsonNode answer = only(batch(array(retire), everything()));

    HttpResponse<String> alone =
        server.send(
            server
                .authorized("v1.0/me/removeAllDevicesFromManagement", everything())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"keepEnrollmentData\":true}")));
    assertAnswersAsAlone(answer, alone);
    assertThat(answer.get("status").asInt()).isEqualTo(400);
  }

  @Test
  void givenContentTypeSpelledTwiceAsTheGraphSdkSendsIt_whenBatched_thenOneHeader() {
    ObjectNode retire = step("1", "POST", "me/removeAllDevicesFromManagement");
    retire
        .putObject("headers")
        .put("content-type", "application/json")
        .put("Content-Type", "application/json");
    retire.putObject("body");

    assertThat(only(batch(array(retire), everything())).get("status").asInt()).isEqualTo(204);
  }

  @Test
  void givenABase64BodyOfAnotherType_whenBatched_thenTheDecodedBytesAreTheBody() {
    ObjectNode retire = step("1", "POST", "me/removeAllDevicesFromManagement");
    retire.putObject("headers").put("Content-Type", "text/plain");
    retire.put("body", Base64.getEncoder().encodeToString("   ".getBytes(StandardCharsets.UTF_8)));

    // Whitespace is no body for an action that takes none: the decoded bytes reached the resource.
    assertThat(only(batch(array(retire), everything())).get("status").asInt()).isEqualTo(204);
  }

  @Test
  void givenAFilterWithSpacesAndQuotes_whenBatched_thenAnswersAsTheEncodedDirectCall() {
    String filter = "userPrincipalName eq '" + ADELE.userPrincipalName() + "'";

    JsonNode answer =
        only(
            batch(
                array(step("1", "GET", "/deviceManagement/managedDevices?$filter=" + filter)),
                everything()));

    assertAnswersAsAlone(
        answer,
        server.get(
            "v1.0/deviceManagement/managedDevices?$filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"),
            everything()));
  }

  @Test
  void givenABatchOnBetaSpelledInAnyCase_whenBatched_thenItsRequestsAreServedOnBeta() {
    HttpResponse<String> response =
        server.send(
            server
                .authorized("BETA/$Batch", everything())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(array(step("1", "GET", "me"))))));

    JsonNode answer = only(response);
    assertThat(answer.at("/body/@odata.context").asText())
        .isEqualTo(server.base() + "beta/$metadata#users/$entity");
  }

  // ---- authorisation, errors and ids of the requests inside
  // --------------------------------------

  @Test
  void givenNoPrivilegedScope_whenRetireAllBatched_thenOuter200AndInner403AsAlone() {
    String reader = TestTokens.delegated().claim("scp", Permissions.READ_ALL).build();

    HttpResponse<String> response =
        batch(
            array(step("1", "POST", "/users/" + ADELE.id() + "/removeAllDevicesFromManagement")),
            reader);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = only(response);
    assertThat(answer.at("/body/error/code").asText()).isEqualTo("Forbidden");
    assertAnswersAsAlone(
        answer,
        server.post("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement", reader));
    assertThat(server.tenant().listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .contains(ManagementState.MANAGED);
  }

  @Test
  void givenAnInnerAuthorizationHeader_whenBatched_thenTheBatchsOwnAuthorisesIt() {
    ObjectNode me = step("1", "GET", "/me");
    me.putObject("headers").put("Authorization", "Bearer " + TestTokens.garbageToken());

    assertThat(only(batch(array(me), everything())).get("status").asInt()).isEqualTo(200);
  }

  @Test
  void givenNoToken_whenBatchSent_then401ForTheWholeBatch() {
    HttpResponse<String> response =
        server.send(
            server
                .request("v1.0/$batch")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(array(step("1", "GET", "me"))))));

    assertGraphError(response, 401, "InvalidAuthenticationToken", "Access token is empty.");
  }

  @Test
  void givenAThrottledBackend_whenBatched_thenInner429WithRetryAfterInItsHeaders() {
    server.fail(
        Port.DEVICE_RETIREMENT,
        ADELE,
        new BackendUnavailableException(
            FailureKind.BACKEND_THROTTLED,
            "Graph answered 429",
            429,
            "TooManyRequests",
            "Too many requests",
            "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
            "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f",
            Optional.of(Duration.ofSeconds(7))));

    JsonNode answer =
        only(batch(array(step("1", "POST", "me/removeAllDevicesFromManagement")), everything()));

    assertThat(answer.get("status").asInt()).isEqualTo(429);
    assertThat(answer.at("/headers/Retry-After").asText()).isEqualTo("7");
    assertThat(answer.at("/body/error/code").asText()).isEqualTo("TooManyRequests");
  }

  @Test
  void givenSeveralRequests_whenBatched_thenEachHasItsOwnRequestIdAndItsClientRequestIdEchoed() {
    ObjectNode withClientId = step("1", "GET", "me");
    withClientId.putObject("headers").put("client-request-id", "inner-client-id-1");
    HttpResponse<String> response =
        server.send(
            server
                .authorized("v1.0/$batch", everything())
                .header("Content-Type", "application/json")
                .header("client-request-id", "outer-client-id")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        body(array(withClientId, step("2", "GET", "me"), step("3", "GET", "x"))))));

    assertThat(response.headers().firstValue("client-request-id")).contains("outer-client-id");
    String outerId = response.headers().firstValue("request-id").orElseThrow();
    JsonNode responses = JsonBodies.json(response).get("responses");
    Set<String> ids = new HashSet<>();
    ids.add(outerId);
    for (JsonNode answer : responses) {
      assertThat(ids.add(answer.at("/headers/request-id").asText())).isTrue();
    }
    assertThat(responses.get(0).at("/headers/client-request-id").asText())
        .isEqualTo("inner-client-id-1");
    assertThat(responses.get(1).at("/headers/client-request-id").asText())
        .isEqualTo(responses.get(1).at("/headers/request-id").asText());
    // An inner error's envelope names the inner request's ids.
    assertThat(responses.get(2).get("status").asInt()).isEqualTo(400);
    assertThat(responses.get(2).at("/body/error/innerError/request-id").asText())
        .isEqualTo(responses.get(2).at("/headers/request-id").asText());
  }

  // ---- dependsOn --------------------------------------------------------------------------------

  @Test
  void givenAChain_whenBatched_thenEachRunsAfterItsDependencySucceeded() {
    ObjectNode retire = step("retire", "POST", "me/removeAllDevicesFromManagement");
    ObjectNode list = step("list", "GET", "me/managedDevices");
    list.putArray("dependsOn").add("RETIRE");

    JsonNode responses = JsonBodies.json(batch(array(list, retire), everything())).get("responses");

    assertThat(field(responses, "id")).containsExactly("list", "retire");
    assertThat(responses.get(1).get("status").asInt()).isEqualTo(204);
    assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
    assertThat(responses.get(0).at("/body/value").findValuesAsText("managementState"))
        .containsOnly("retirePending");
  }

  @Test
  void givenADependencyThatFails_whenBatched_then424AndTheDependentsNeverRun() {
    ObjectNode missing = step("1", "GET", "users/" + UNKNOWN_USER);
    ObjectNode dependent = step("2", "GET", "users/" + MEGAN.id());
    dependent.putArray("dependsOn").add("1");
    ObjectNode transitive = step("3", "POST", "me/removeAllDevicesFromManagement");
    transitive.putArray("dependsOn").add("2");
    ObjectNode independent = step("4", "GET", "me");

    JsonNode responses =
        JsonBodies.json(batch(array(missing, dependent, transitive, independent), everything()))
            .get("responses");

    assertThat(field(responses, "status")).containsExactly("404", "424", "424", "200");
    JsonNode failed = responses.get(1);
    assertThat(JsonBodies.fieldNames(failed.at("/body/error")))
        .containsExactly("code", "message", "innerError");
    assertThat(failed.at("/body/error/code").asText()).isEqualTo("FailedDependency");
    assertThat(failed.at("/body/error/message").asText()).contains("'1'").contains("404");
    assertThat(failed.at("/headers/Content-Type").asText()).isEqualTo("application/json");
    assertThat(server.received())
        .noneMatch(
            query ->
                query instanceof GetUserQuery get && get.user().toString().contains(MEGAN.id()));
    assertThat(server.tenant().listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .contains(ManagementState.MANAGED);
  }

  // ---- limits -----------------------------------------------------------------------------------

  @Test
  void givenTwentyRequests_whenBatched_thenTwentyAnswers() {
    ArrayNode requests = JSON.createArrayNode();
    IntStream.rangeClosed(1, 20).forEach(i -> requests.add(step("r" + i, "GET", "me")));

    JsonNode responses = JsonBodies.json(batch(requests, everything())).get("responses");

    assertThat(responses).hasSize(20);
    assertThat(field(responses, "status")).containsOnly("200");
  }

  @Test
  void givenGetOnTheBatchRoute_whenSent_then405AllowingPost() {
    HttpResponse<String> response = server.get("v1.0/$batch", everything());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST,OPTIONS");
  }

  @Test
  void givenABodyOverTheLimit_whenBatchSent_then413() throws IOException {
    // java.net.http, still writing a body the server refused on its length, saw a broken pipe
    // now and then instead of the 413: a raw socket reads the answer every time.
    String response = OversizedPost.send(server.base(), "v1.0/$batch", everything());

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"code\":\"RequestEntityTooLarge\"");
  }

  @Test
  void givenABodyOverTheLimitAndExpectContinue_whenBatchSent_then413WithoutAskingForTheBody()
      throws IOException {
    String response =
        OversizedPost.sendExpectingContinue(server.base(), "v1.0/$batch", everything());

    assertThat(response).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
    assertThat(response).contains("\"code\":\"RequestEntityTooLarge\"");
  }

  static Stream<Arguments> malformedBatches() {
    String twentyOne =
        array(IntStream.rangeClosed(1, 21).mapToObj(i -> step("r" + i, "GET", "me")).toList())
            .toString();
    return Stream.of(
        Arguments.of("not JSON", "{\"requests\": [", "The batch request body is not valid JSON."),
        Arguments.of(
            "empty body", "", "The batch request body is empty; expected {\"requests\": [...]}."),
        Arguments.of(
            "an array",
            "[]",
            "The batch request body must be a JSON object with a \"requests\" array."),
        Arguments.of("no requests", "{}", "The batch request body has no \"requests\" array."),
        Arguments.of(
            "requests not an array",
            "{\"requests\": {\"id\": \"1\"}}",
            "The batch's \"requests\" must be an array."),
        Arguments.of("no request", "{\"requests\": []}", "The batch contains no request."),
        Arguments.of(
            "21 requests",
            "{\"requests\": " + twentyOne + "}",
            "Number of requests inside batch exceeds the limit of 20."),
        Arguments.of(
            "an entry not an object",
            "{\"requests\": [\"GET me\"]}",
            "Request #1 of the batch is not a JSON object."),
        Arguments.of(
            "no id",
            requests("{\"method\": \"GET\", \"url\": \"me\"}"),
            "Request #1 of the batch has no id."),
        Arguments.of(
            "a numeric id",
            requests("{\"id\": 1, \"method\": \"GET\", \"url\": \"me\"}"),
            "The id of request #1 of the batch must be a string."),
        Arguments.of(
            "no method",
            requests("{\"id\": \"a\", \"url\": \"me\"}"),
            "Request 'a' has no method."),
        Arguments.of(
            "no url", requests("{\"id\": \"a\", \"method\": \"GET\"}"), "Request 'a' has no url."),
        Arguments.of(
            "a url that is not a string",
            requests("{\"id\": \"a\", \"method\": \"GET\", \"url\": [\"me\"]}"),
            "The url of request 'a' must be a string."),
        Arguments.of(
            "an unsupported method",
            requests("{\"id\": \"a\", \"method\": \"TRACE\", \"url\": \"me\"}"),
            "Request 'a' has the method 'TRACE'; a request in a batch uses GET, POST, PUT, PATCH"
                + " or DELETE."),
        Arguments.of(
            "an absolute url",
            requests(
                "{\"id\": \"a\", \"method\": \"GET\", \"url\":"
                    + " \"https://graph.microsoft.com/v1.0/me\"}"),
            "The url of request 'a' must be relative to the version, such as /users/{id};"
                + " 'https://graph.microsoft.com/v1.0/me' is absolute."),
        Arguments.of(
            "a network-path url",
            requests("{\"id\": \"a\", \"method\": \"GET\", \"url\": \"//evil.example/v1.0/me\"}"),
            "The url of request 'a' must be relative to the version, such as /users/{id};"
                + " '//evil.example/v1.0/me' is absolute."),
        Arguments.of(
            "a body without Content-Type",
            requests(
                "{\"id\": \"a\", \"method\": \"POST\", \"url\": \"me/removeAllDevicesFromManagement\","
                    + " \"body\": {}}"),
            "Request 'a' has a body but no Content-Type header; a body needs one in its"
                + " \"headers\"."),
        Arguments.of(
            "a non-JSON body that is not base64",
            requests(
                "{\"id\": \"a\", \"method\": \"POST\", \"url\": \"me\", \"headers\":"
                    + " {\"Content-Type\": \"text/plain\"}, \"body\": \"not base64!\"}"),
            "The body of request 'a' must be base64 text, since its Content-Type is not JSON."),
        Arguments.of(
            "headers not an object",
            requests("{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"headers\": []}"),
            "The headers of request 'a' must be a JSON object of strings."),
        Arguments.of(
            "a header with a line break",
            requests(
                "{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"headers\":"
                    + " {\"X-A\": \"1\\r\\nX-B: 2\"}}"),
            "The header 'X-A' of request 'a' is not a valid HTTP header."),
        Arguments.of(
            "dependsOn not an array",
            requests("{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"dependsOn\": \"b\"}"),
            "The dependsOn of request 'a' must be an array of request ids."),
        Arguments.of(
            "dependsOn an unknown id",
            requests(
                "{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"dependsOn\": [\"zz\"]}"),
            "Request 'a' depends on 'zz', which is not in the batch."),
        Arguments.of(
            "dependsOn itself",
            requests(
                "{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"dependsOn\": [\"A\"]}"),
            "The dependsOn of request 'a' leads back to it; dependencies must not form a cycle."),
        Arguments.of(
            "a dependency cycle",
            requests(
                "{\"id\": \"a\", \"method\": \"GET\", \"url\": \"me\", \"dependsOn\": [\"b\"]}",
                "{\"id\": \"b\", \"method\": \"GET\", \"url\": \"me\", \"dependsOn\": [\"a\"]}"),
            "The dependsOn of request 'a' leads back to it; dependencies must not form a cycle."),
        Arguments.of(
            "ids differing only in case",
            requests(
                "{\"id\": \"Step-1\", \"method\": \"GET\", \"url\": \"me\"}",
                "{\"id\": \"step-1\", \"method\": \"GET\", \"url\": \"me\"}"),
            "Request Id step-1 has to be unique in a batch."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBatches")
  void givenAMalformedBatch_whenSent_then400InGraphsEnvelopeAndNothingRuns(
      String name, String body, String message) {
    HttpResponse<String> response = send(body, everything());

    assertGraphError(response, 400, "BadRequest", message);
    assertThat(server.received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$batch",
        "/$batch",
        "$BATCH",
        "/$Batch?x=1",
        "%24batch",
        "users/../$batch",
        "$batch/",
      })
  void givenANestedBatch_whenSent_thenTheWholeBatchIs400(String url) {
    HttpResponse<String> response =
        batch(array(step("outer", "GET", "me"), step("nested", "POST", url)), everything());

    assertGraphError(
        response,
        400,
        "BadRequest",
        "Request 'nested' is a batch request; a batch cannot contain another.");
    assertThat(server.received()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /**
   * Asserts that {@code answer}, one entry of a batch's responses, says what {@code alone} said:
   * the same status, Content-Type and body, except the ids and date an error's envelope names.
   */
  private static void assertAnswersAsAlone(JsonNode answer, HttpResponse<String> alone) {
    assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(alone.statusCode());
    assertThat(answer.at("/headers/request-id").asText()).isNotBlank();
    assertThat(answer.at("/headers/client-request-id").asText()).isNotBlank();
    assertThat(Optional.ofNullable(answer.get("headers").get("Content-Type")).map(JsonNode::asText))
        .isEqualTo(alone.headers().firstValue("Content-Type"));
    if (alone.body().isEmpty()) {
      assertThat(answer.has("body")).isFalse();
      return;
    }
    JsonNode expected = JsonBodies.json(alone);
    JsonNode actual = answer.get("body");
    if (expected.has("error")) {
      assertThat(actual.at("/error/innerError/request-id").asText())
          .isEqualTo(answer.at("/headers/request-id").asText());
      ((ObjectNode) expected.get("error")).remove("innerError");
      actual = actual.deepCopy();
      ((ObjectNode) actual.get("error")).remove("innerError");
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** The top-level {@code name} of each answer, in order. */
  private static List<String> field(JsonNode responses, String name) {
    List<String> values = new ArrayList<>();
    responses.forEach(answer -> values.add(answer.get(name).asText()));
    return values;
  }

  private static JsonNode only(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode responses = JsonBodies.json(response).get("responses");
    assertThat(responses).hasSize(1);
    return responses.get(0);
  }

  private static ObjectNode step(String id, String method, String url) {
    return JSON.createObjectNode().put("id", id).put("method", method).put("url", url);
  }

  private static ArrayNode array(ObjectNode... steps) {
    return array(List.of(steps));
  }

  private static ArrayNode array(List<ObjectNode> steps) {
    ArrayNode requests = JSON.createArrayNode();
    steps.forEach(requests::add);
    return requests;
  }

  private static String requests(String... entries) {
    return "{\"requests\": [" + String.join(", ", entries) + "]}";
  }

  private static String body(ArrayNode requests) {
    ObjectNode root = JSON.createObjectNode();
    root.set("requests", requests);
    return root.toString();
  }

  private static HttpResponse<String> batch(ArrayNode requests, String token) {
    return send(body(requests), token);
  }

  private static HttpResponse<String> send(String body, String token) {
    return server.send(
        server
            .authorized("v1.0/$batch", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
