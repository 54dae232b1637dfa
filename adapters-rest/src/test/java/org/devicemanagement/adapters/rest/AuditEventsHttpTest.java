package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.limits.DailyRetireLimit;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET …/deviceManagement/auditEvents} and its functions over real HTTP. */
class AuditEventsHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  @RegisterExtension
  static final TestServerExtension limited =
      new TestServerExtension(TestServer.builder().dailyRetireLimit(new DailyRetireLimit(1)));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RETIRE_ADELE =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";
  private static final String EVENTS = "v1.0/deviceManagement/auditEvents";

  private static String auditor() {
    return TestTokens.delegated()
        .claim(
            "scp",
            String.join(
                " ",
                Permissions.PRIVILEGED_OPERATIONS_ALL,
                Permissions.READ_ALL,
                Permissions.APPS_READ_ALL))
        .build();
  }

  private static String query(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Records a refused retire-all at {@code at} straight into the tenant's trail. */
  private static AuditEvent recordedAt(Instant at, String correlationId) {
    Caller caller = TestTokens.verifier().verify(TestTokens.delegated().build());
    AuditEvent event =
        RetireAllAudit.of(AuditEvents.actorOf(caller, Optional.empty()), correlationId, "me")
            .refused(at, "MISSING_PERMISSION");
    server.tenant().record(event);
    return event;
  }

  @Test
  void givenARetireAll_whenTheTrailIsListed_thenOneEventInGraphsShape() {
    HttpResponse<String> retired = server.post(RETIRE_ADELE, auditor());
    String requestId = retired.headers().firstValue("request-id").orElseThrow();

    HttpResponse<String> response = server.get(EVENTS, auditor());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JsonBodies.json(response);
    assertThat(JsonBodies.fieldNames(body)).containsExactly("@odata.context", "value");
    assertThat(body.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#deviceManagement/auditEvents");
    assertThat(body.get("value")).hasSize(1);
    JsonNode event = body.get("value").get(0);
    assertThat(JsonBodies.fieldNames(event))
        .containsExactly(
            "@odata.type",
            "id",
            "displayName",
            "componentName",
            "actor",
            "activity",
            "activityDateTime",
            "activityType",
            "activityOperationType",
            "activityResult",
            "correlationId",
            "resources",
            "category");
    assertThat(event.get("@odata.type").asText()).isEqualTo("#microsoft.graph.auditEvent");
    assertThat(event.get("correlationId").asText()).isEqualTo(requestId);
    assertThat(event.get("activityType").asText()).isEqualTo("RemoveAllDevicesFromManagement User");
    assertThat(event.get("activityResult").asText()).isEqualTo("Success");
    assertThat(event.get("componentName").asText()).isEqualTo("ManagedDevices");
    assertThat(event.get("category").asText()).isEqualTo("Device");
    assertThat(event.get("activityOperationType").asText()).isEqualTo("Action");
    assertThat(event.get("activityDateTime").asText()).isEqualTo(TestTime.NOW.toString());
    JsonNode actor = event.get("actor");
    assertThat(JsonBodies.fieldNames(actor))
        .containsExactly(
            "@odata.type",
            "type",
            "auditActorType",
            "userPermissions",
            "applicationId",
            "applicationDisplayName",
            "userPrincipalName",
            "servicePrincipalName",
            "ipAddress",
            "userId");
    assertThat(actor.get("type").asText()).isEqualTo("ItPro");
    assertThat(actor.get("userId").asText()).isEqualTo(ADELE.id());
    assertThat(actor.get("ipAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(actor.get("applicationDisplayName").isNull()).isTrue();
    assertThat(actor.get("servicePrincipalName").isNull()).isTrue();
    assertThat(actor.get("userPermissions"))
        .extracting(JsonNode::asText)
        .containsExactly(
            Permissions.APPS_READ_ALL, Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL);
    // Adele's two managed devices changed; the one already retiring did not.
    assertThat(event.get("resources")).hasSize(2);
    JsonNode resource = event.get("resources").get(0);
    assertThat(JsonBodies.fieldNames(resource))
        .containsExactly(
            "@odata.type",
            "displayName",
            "modifiedProperties",
            "type",
            "auditResourceType",
            "resourceId");
    assertThat(resource.get("resourceId").asText())
        .isEqualTo(RestTenant.adelesDevices().get(0).id());
    assertThat(resource.get("displayName").asText())
        .isEqualTo(RestTenant.adelesDevices().get(0).deviceName());
    JsonNode property = resource.get("modifiedProperties").get(0);
    assertThat(property.get("displayName").asText()).isEqualTo("managementState");
    assertThat(property.get("oldValue").asText()).isEqualTo("managed");
    assertThat(property.get("newValue").asText()).isEqualTo("retirePending");
  }

  @Test
  void givenAnEvent_whenReadById_thenTheEntityWithItsContextAndUnknownIdIs404() {
    server.post(RETIRE_ADELE, auditor());
    String id =
        JsonBodies.json(server.get(EVENTS, auditor())).get("value").get(0).get("id").asText();

    HttpResponse<String> one = server.get(EVENTS + "/" + id, auditor());
    HttpResponse<String> keyed = server.get(EVENTS + "('" + id + "')", auditor());
    HttpResponse<String> missing = server.get(EVENTS + "/nope", auditor());

    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode entity = JsonBodies.json(one);
    assertThat(entity.get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#deviceManagement/auditEvents/$entity");
    assertThat(entity.get("id").asText()).isEqualTo(id);
    assertThat(JsonBodies.json(keyed).get("id").asText()).isEqualTo(id);
    assertGraphError(
        missing,
        404,
        "ResourceNotFound",
        "Resource 'nope' does not exist or one of its queried reference-property objects are not"
            + " present.");
  }

  @Test
  void givenRefusedRetireAlls_whenListed_thenEachIsAFailureNamingWhy() {
    server.post(RETIRE_ADELE, TestTokens.delegated().claim("scp", Permissions.READ_ALL).build());
    server.post("v1.0/users/nobody@contoso.com/removeAllDevicesFromManagement", auditor());
    server.post(
        "v1.0/me/removeAllDevicesFromManagement",
        TestTokens.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build());

    JsonNode events =
        JsonBodies.json(
                server.get(EVENTS + "?" + query("$orderby", "activityDateTime asc"), auditor()))
            .get("value");

    List<String> activities = new ArrayList<>();
    events.forEach(e -> activities.add(e.get("activity").asText()));
    assertThat(activities)
        .containsExactlyInAnyOrder(
            "Retire all devices of a user (MISSING_PERMISSION)",
            "Retire all devices of a user (USER_NOT_FOUND)",
            "Retire all devices of a user (DELEGATED_CALLER_REQUIRED)");
    events.forEach(
        e -> {
          assertThat(e.get("activityResult").asText()).isEqualTo("Failure");
          assertThat(e.get("resources")).isEmpty();
        });
  }

  @Test
  void givenADailyLimitTheRetireAllWouldPass_whenRefused_thenTheTrailSaysSoAndCountsNothing() {
    HttpResponse<String> refused = limited.post(RETIRE_ADELE, auditor());

    assertThat(refused.statusCode()).isEqualTo(403);
    JsonNode event = JsonBodies.json(limited.get(EVENTS, auditor())).get("value").get(0);
    assertThat(event.get("activity").asText())
        .isEqualTo("Retire all devices of a user (DAILY_RETIRE_LIMIT_EXCEEDED)");
    assertThat(event.get("correlationId").asText())
        .isEqualTo(refused.headers().firstValue("request-id").orElseThrow());
    assertThat(DailyRetireLimit.retiredOnDayOf(limited.tenant(), TestTime.NOW)).isZero();
  }

  @Test
  void givenEventsOverTime_whenFilteredOrderedAndPaged_thenNextLinksKeepTheOptions() {
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    List<AuditEvent> inRange = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inRange.add(recordedAt(start.plusSeconds(60L * i).plusNanos(1_000), "c-" + i));
    }
    recordedAt(start.minusSeconds(1), "before");
    recordedAt(start.plusSeconds(86_400), "after");
    String url =
        EVENTS
            + "?"
            + query(
                "$filter",
                "activityDateTime ge 2026-12-01T00:00:00Z and activityDateTime lt"
                    + " 2026-12-02T00:00:00+00:00 and activityType eq 'removeAllDevicesFromManagement"
                    + " user'")
            + "&"
            + query("$orderby", "activityDateTime desc")
            + "&$top=2";

    List<String> seen = new ArrayList<>();
    List<String> links = new ArrayList<>();
    String next = server.base() + url;
    while (next != null) {
      HttpResponse<String> page =
          server.send(
              server
                  .request("")
                  .uri(URI.create(next))
                  .header("Authorization", "Bearer " + auditor())
                  .GET());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode body = JsonBodies.json(page);
      body.get("value").forEach(e -> seen.add(e.get("correlationId").asText()));
      next = body.has("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
      if (next != null) {
        links.add(next);
      }
    }

    assertThat(seen).containsExactly("c-4", "c-3", "c-2", "c-1", "c-0");
    assertThat(links)
        .hasSize(2)
        .allSatisfy(
            link ->
                assertThat(link)
                    .startsWith(server.base() + EVENTS + "?$filter=")
                    .contains("$orderby=activityDateTime%20desc")
                    .contains("$top=2")
                    .contains("$skiptoken="));
    assertThat(inRange).hasSize(5);
  }

  @Test
  void givenTheFunctions_whenCalled_thenStringsWithGraphsContext() {
    HttpResponse<String> categories = server.get(EVENTS + "/getAuditCategories", auditor());
    HttpResponse<String> types =
        server.get(EVENTS + "/getAuditActivityTypes(category='Device')", auditor());
    HttpResponse<String> none =
        server.get(EVENTS + "/getAuditActivityTypes(category='Enrollment')", auditor());

    assertThat(categories.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(categories).get("@odata.context").asText())
        .isEqualTo(server.base() + "v1.0/$metadata#Collection(Edm.String)");
    assertThat(JsonBodies.json(categories).get("value"))
        .extracting(JsonNode::asText)
        .containsExactly("Device");
    assertThat(JsonBodies.json(types).get("value"))
        .extracting(JsonNode::asText)
        .containsExactly("RemoveAllDevicesFromManagement User", "Retire ManagedDevice");
    assertThat(JsonBodies.json(none).get("value")).isEmpty();
  }

  @Test
  void givenCallersWithoutAnAppsScope_whenReadingTheTrail_then403AndAnAppRoleReads() {
    HttpResponse<String> deviceReader = server.get(EVENTS, TestTokens.delegated().build());
    HttpResponse<String> app =
        server.get(EVENTS, TestTokens.application(Permissions.APPS_READ_WRITE_ALL).build());

    assertThat(deviceReader.statusCode()).isEqualTo(403);
    assertThat(JsonBodies.json(deviceReader).get("error").get("message").asText())
        .contains("list auditEvents")
        .contains("DeviceManagementApps.Read.All");
    assertThat(app.statusCode()).isEqualTo(200);
  }

  @Test
  void givenQueryOptionsOutsideWhatIsServed_whenListed_then400InGraphsEnvelope() {
    assertGraphError(
        server.get(
            EVENTS + "?" + query("$filter", "activityDateTime eq 2026-12-01T00:00:00Z"), auditor()),
        400,
        "BadRequest",
        "The operator 'eq' is not supported in $filter on activityDateTime; use ge, le, gt or lt.");
    assertGraphError(
        server.get(EVENTS + "?" + query("$orderby", "displayName"), auditor()),
        400,
        "BadRequest",
        "Ordering by 'displayName' is not supported; audit events can be ordered by"
            + " activityDateTime asc or desc.");
    assertGraphError(
        server.get(EVENTS + "?$top=1001", auditor()),
        400,
        "BadRequest",
        "The limit of '1000' for Top query has been exceeded. The value from the incoming request"
            + " is '1001'.");
    assertGraphError(
        server.get(EVENTS + "?$skiptoken=garbage", auditor()),
        400,
        "BadRequest",
        "The $skiptoken value is not valid.");
    assertGraphError(
        server.get(EVENTS + "?$count=true", auditor()),
        400,
        "BadRequest",
        "The query option '$count' is not supported on audit events; use $filter, $orderby, $top"
            + " and $skiptoken.");
  }

  @Test
  void givenABatch_whenItRetiresThenListsTheTrail_thenTheListShowsTheRetireWithTheBatchsAddress()
      throws Exception {
    ArrayNode requests = JSON.createArrayNode();
    ObjectNode retire = requests.addObject();
    retire
        .put("id", "retire")
        .put("method", "POST")
        .put("url", "/users/" + ADELE.id() + "/removeAllDevicesFromManagement");
    ObjectNode list = requests.addObject();
    list.put("id", "trail")
        .put("method", "GET")
        .put("url", "/deviceManagement/auditEvents?$filter=activityResult eq 'Success'");
    list.putArray("dependsOn").add("retire");
    ObjectNode types = requests.addObject();
    types
        .put("id", "types")
        .put("method", "GET")
        .put("url", "deviceManagement/auditEvents/getAuditActivityTypes(category='Device')");
    ObjectNode batch = JSON.createObjectNode();
    batch.set("requests", requests);

    HttpResponse<String> response =
        server.send(
            server
                .authorized("v1.0/$batch", auditor())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch))));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode responses = JsonBodies.json(response).get("responses");
    assertThat(responses.get(0).get("status").asInt()).isEqualTo(204);
    JsonNode trail = responses.get(1);
    assertThat(trail.get("status").asInt()).isEqualTo(200);
    JsonNode event = trail.get("body").get("value").get(0);
    assertThat(event.get("correlationId").asText())
        .isEqualTo(responses.get(0).get("headers").get("request-id").asText());
    assertThat(event.get("actor").get("ipAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(responses.get(2).get("body").get("value")).hasSize(2);
  }
}
