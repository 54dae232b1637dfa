package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control API's journal, {@code GET/DELETE /_emulator/requests}: every Graph request answered,
 * newest first, with its ids, status, duration and the caller its token named (never the token);
 * requests inside a batch as their own entries; the control API's own requests left out.
 */
class ControlJournalHttpTest {

  @RegisterExtension
  static final TestServerExtension server =
      new TestServerExtension(TestServer.builder().control(ControlApi.on(50)));

  private static final String RETIRE_ALL =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";
  private static final String CLIENT_REQUEST_ID = "7f3e2c1a-0b9d-4e8f-a7c6-5d4e3f2a1b0c";

  @Test
  void givenGraphRequests_whenJournalListed_thenNewestFirstWithIdsStatusDurationAndCaller() {
    String token = TestTokens.delegated().build();
    HttpResponse<String> retired =
        server.send(
            server
                .authorized(RETIRE_ALL, token)
                .header("client-request-id", CLIENT_REQUEST_ID)
                .POST(HttpRequest.BodyPublishers.noBody()));
    HttpResponse<String> listed = server.get("v1.0/me/managedDevices?$top=2&$count=true", token);

    HttpResponse<String> journal = server.get("_emulator/requests");

    assertThat(journal.statusCode()).as(journal.body()).isEqualTo(200);
    assertThat(journal.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(journal.body())
        .doesNotContain(token)
        .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    JsonNode entries = JsonBodies.json(journal).get("value");
    assertThat(entries).hasSize(2);
    JsonNode list = entries.get(0);
    assertThat(list.get("method").asText()).isEqualTo("GET");
    assertThat(list.get("path").asText()).isEqualTo("/v1.0/me/managedDevices");
    assertThat(list.get("query").asText()).isEqualTo("$top=2&$count=true");
    assertThat(list.get("status").asInt()).isEqualTo(200);
    assertThat(list.get("requestId").asText())
        .isEqualTo(listed.headers().firstValue("request-id").orElseThrow());
    JsonNode retire = entries.get(1);
    assertThat(JsonBodies.fieldNames(retire))
        .containsExactly(
            "time",
            "method",
            "path",
            "query",
            "status",
            "requestId",
            "clientRequestId",
            "durationMs",
            "caller");
    assertThat(retire.get("method").asText()).isEqualTo("POST");
    assertThat(retire.get("path").asText()).isEqualTo("/" + RETIRE_ALL);
    assertThat(retire.get("query").isNull()).isTrue();
    assertThat(retire.get("status").asInt()).isEqualTo(204);
    assertThat(retire.get("requestId").asText())
        .isEqualTo(retired.headers().firstValue("request-id").orElseThrow());
    assertThat(retire.get("clientRequestId").asText()).isEqualTo(CLIENT_REQUEST_ID);
    assertThat(retire.get("time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(retire.get("durationMs").isNumber()).isTrue();
    assertThat(retire.get("durationMs").asDouble()).isPositive();
    JsonNode caller = retire.get("caller");
    assertThat(caller.get("type").asText()).isEqualTo("delegatedWorkOrSchool");
    assertThat(caller.get("tenantId").asText()).isEqualTo(TestTokens.TENANT_ID);
    assertThat(caller.get("oid").asText()).isEqualTo(ADELE.id());
    assertThat(caller.get("appid").asText()).isEqualTo(TestTokens.CLIENT_APP_ID);
    assertThat(texts(caller.get("scopes")))
        .containsExactly(Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL);
    assertThat(caller.has("roles")).isFalse();
  }

  @Test
  void givenAnApplicationAndAUpnToken_whenJournalListed_thenRolesAndUpnAsTheTokensNamedThem() {
    server.get("v1.0/me", TestTokens.delegatedByUpn(ADELE.userPrincipalName()).build());
    server.get(
        "v1.0/deviceManagement/managedDevices",
        TestTokens.application(Permissions.READ_ALL).build());

    JsonNode entries = JsonBodies.json(server.get("_emulator/requests")).get("value");

    JsonNode application = entries.get(0).get("caller");
    assertThat(application.get("type").asText()).isEqualTo("application");
    assertThat(application.get("appid").asText()).isEqualTo(TestTokens.CLIENT_APP_ID);
    assertThat(texts(application.get("roles"))).containsExactly(Permissions.READ_ALL);
    assertThat(application.has("scopes")).isFalse();
    JsonNode delegated = entries.get(1).get("caller");
    assertThat(delegated.get("upn").asText()).isEqualTo(ADELE.userPrincipalName());
    assertThat(delegated.has("oid")).isFalse();
  }

  @Test
  void givenRefusedRequests_whenJournalListed_thenTheyAreThereWithoutACaller() {
    server.send(server.request(RETIRE_ALL).POST(HttpRequest.BodyPublishers.noBody()));
    server.get("v1.0/bogus", TestTokens.delegated().build());

    JsonNode entries = JsonBodies.json(server.get("_emulator/requests")).get("value");

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("status").asInt()).isEqualTo(400);
    assertThat(entries.get(0).get("path").asText()).isEqualTo("/v1.0/bogus");
    assertThat(entries.get(0).get("caller").isNull()).isTrue();
    assertThat(entries.get(1).get("status").asInt()).isEqualTo(401);
    assertThat(entries.get(1).get("caller").isNull()).isTrue();
  }

  @Test
  void givenABatch_whenJournalListed_thenEachInnerRequestIsAnEntryOfItsOwnBeforeTheBatch() {
    String body =
        """
        {"requests": [
          {"id": "1", "method": "GET", "url": "/me/managedDevices"},
          {"id": "2", "method": "POST", "url": "/me/removeAllDevicesFromManagement",
           "dependsOn": ["1"]}
        ]}""";
    HttpResponse<String> batch =
        server.send(
            server
                .authorized("v1.0/$batch", TestTokens.delegated().build())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);

    JsonNode entries = JsonBodies.json(server.get("_emulator/requests")).get("value");

    assertThat(entries).hasSize(3);
    assertThat(entries.get(0).get("path").asText()).isEqualTo("/v1.0/$batch");
    assertThat(entries.get(1).get("path").asText())
        .isEqualTo("/v1.0/me/removeAllDevicesFromManagement");
    assertThat(entries.get(1).get("status").asInt()).isEqualTo(204);
    assertThat(entries.get(1).get("caller").get("oid").asText()).isEqualTo(ADELE.id());
    assertThat(entries.get(2).get("path").asText()).isEqualTo("/v1.0/me/managedDevices");
    JsonNode answers = JsonBodies.json(batch).get("responses");
    assertThat(entries.get(2).get("requestId").asText())
        .isEqualTo(answers.get(0).get("headers").get("request-id").asText());
  }

  @Test
  void givenALimit_whenJournalListed_thenOnlyThatManyOfTheNewest() {
    String token = TestTokens.delegated().build();
    for (int i = 0; i < 3; i++) {
      server.get("v1.0/me/managedDevices?$top=" + (i + 1), token);
    }

    JsonNode entries = JsonBodies.json(server.get("_emulator/requests?limit=2")).get("value");

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("query").asText()).isEqualTo("$top=3");
    assertThat(entries.get(1).get("query").asText()).isEqualTo("$top=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "two", "", "99999999999", "1.5", "%00"})
  void givenAnInvalidLimit_whenJournalListed_then400InTheErrorEnvelope(String limit) {
    HttpResponse<String> response = server.get("_emulator/requests?limit=" + limit);

    assertGraphError(
        response,
        400,
        "BadRequest",
        "The query option limit must be a whole number from 1 to 2147483647.");
  }

  @Test
  void givenEntries_whenJournalDeleted_then204AndTheJournalIsEmpty() {
    server.get("v1.0/me", TestTokens.delegated().build());

    HttpResponse<String> deleted = server.delete("_emulator/requests");

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(deleted.headers().firstValue("request-id")).isPresent();
    assertThat(JsonBodies.json(server.get("_emulator/requests")).get("value")).isEmpty();
  }

  @Test
  void givenOnlyControlRequests_whenJournalListed_thenTheyAreNotJournaled() {
    server.get("_emulator/requests");
    server.get("_EMULATOR/Requests?limit=5");
    server.get("_emulator/nothing");

    assertThat(JsonBodies.json(server.get("_emulator/requests")).get("value")).isEmpty();
  }

  @Test
  void givenAnyToken_whenAControlRouteIsCalled_thenNoTokenIsNeededNorChecked() {
    HttpResponse<String> withGarbage =
        server.send(server.authorized("_emulator/requests", TestTokens.garbageToken()).GET());

    assertThat(server.get("_emulator/requests").statusCode()).isEqualTo(200);
    assertThat(withGarbage.statusCode()).isEqualTo(200);
  }

  @Test
  void givenAControlRoute_whenAnotherMethodIsUsed_then405WithAllow() {
    HttpResponse<String> response =
        server.send(server.request("_emulator/requests").PUT(HttpRequest.BodyPublishers.noBody()));

    assertGraphError(
        response,
        405,
        "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.");
    assertThat(response.headers().firstValue("Allow")).hasValue("DELETE,GET,HEAD,OPTIONS");
  }

  @Test
  void givenAnUnknownControlPath_whenCalled_then400NamingTheSegment() {
    assertGraphError(
        server.get("_emulator/widgets"),
        400,
        "BadRequest",
        "Resource not found for the segment 'widgets'.");
  }

  @Test
  void givenTheControlApiOff_whenAControlPathIsCalled_thenItAnswersAsAnyUnknownPath() {
    try (TestServer off = TestServer.start()) {
      assertGraphError(
          off.send(off.request("_emulator/requests").GET()),
          400,
          "BadRequest",
          "Invalid version: _emulator");
    }
  }

  @Test
  void givenAJournalOfSizeZero_whenListed_thenEmptyAlways() {
    try (TestServer noJournal = TestServer.builder().control(ControlApi.on(0)).start()) {
      noJournal.get("v1.0/me", TestTokens.delegated().build());

      HttpResponse<String> journal = noJournal.send(noJournal.request("_emulator/requests").GET());

      assertThat(journal.statusCode()).isEqualTo(200);
      assertThat(JsonBodies.json(journal).get("value")).isEmpty();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
