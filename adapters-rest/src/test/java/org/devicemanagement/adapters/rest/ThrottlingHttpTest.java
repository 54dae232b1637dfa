package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.GraphErrorAssertions.assertGraphError;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.devicemanagement.adapters.rest.limits.IntuneThrottle;
import org.devicemanagement.application.MovableClock;
import org.devicemanagement.application.audit.AuditFilterSyntax;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The emulator's copy of Intune's throttling over HTTP: 429 {@code TooManyRequests} per caller
 * application and tenant, with {@code Retry-After} computed from the window or without it, and
 * requests inside a {@code $batch} counted one by one.
 */
class ThrottlingHttpTest {

  private static final MovableClock CLOCK = new MovableClock(TestTime.NOW);
  private static final IntuneThrottle THROTTLE = new IntuneThrottle(CLOCK);
  private static final IntuneThrottle SILENT_THROTTLE = new IntuneThrottle(CLOCK);

  @RegisterExtension
  static final TestServerExtension server =
      new TestServerExtension(TestServer.builder().throttling(THROTTLE, true));

  @RegisterExtension
  static final TestServerExtension silent =
      new TestServerExtension(TestServer.builder().throttling(SILENT_THROTTLE, false));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RETIRE_ADELE =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";
  private static final String APP = "11111111-1111-4111-8111-111111111111";
  private static final String OTHER_APP = "22222222-2222-4222-8222-222222222222";
  private static final String THIRD_APP = "33333333-3333-4333-8333-333333333333";

  @BeforeEach
  void freshWindows() {
    CLOCK.set(TestTime.NOW);
    THROTTLE.reset();
    SILENT_THROTTLE.reset();
  }

  private static String tokenOf(String appId) {
    return TestTokens.delegated().claim("appid", appId).build();
  }

  private static void retireAdele(TestServerExtension target, int times, String token) {
    for (int i = 0; i < times; i++) {
      assertThat(target.post(RETIRE_ADELE, token).statusCode())
          .as("write %d", i + 1)
          .isEqualTo(204);
    }
  }

  @Test
  void
      givenAnApplicationsTwoHundredWritesIn20Seconds_whenItWritesAgain_then429WithRetryAfterFromTheWindow() {
    String token = tokenOf(APP);
    retireAdele(server, 200, token);
    CLOCK.set(TestTime.NOW.plus(Duration.ofMillis(7_872)));

    HttpResponse<String> refused = server.post(RETIRE_ADELE, token);

    assertGraphError(
        refused,
        429,
        "TooManyRequests",
        "Please retry again later. The request passed Intune's limit of 200 writes per 20 seconds"
            + " per application per tenant.");
    assertThat(refused.headers().firstValue("Retry-After")).contains("12.128");
  }

  @Test
  void givenAThrottledRetireAll_whenRefused_thenTheTrailRecordsTheRefusalWithItsRequestId() {
    String token = tokenOf(APP);
    retireAdele(server, 200, token);

    HttpResponse<String> refused = server.post(RETIRE_ADELE, token);

    assertThat(refused.statusCode()).isEqualTo(429);
    String requestId = refused.headers().firstValue("request-id").orElseThrow();
    AuditPage failures =
        server
            .tenant()
            .searchEvents(
                new AuditQuery(
                    Optional.of(AuditFilterSyntax.parse("correlationId eq '" + requestId + "'")),
                    true),
                10,
                Optional.empty());
    assertThat(failures.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.activityResult()).isEqualTo("Failure");
              assertThat(event.activity()).endsWith("(REQUEST_THROTTLED)");
              assertThat(event.actor().applicationId()).contains(APP);
              assertThat(event.actor().ipAddress()).contains("127.0.0.1");
              assertThat(event.displayName())
                  .isEqualTo("removeAllDevicesFromManagement " + ADELE.id());
            });
  }

  @Test
  void givenOneApplicationThrottled_whenAnotherApplicationWritesOrItReads_thenServed() {
    String token = tokenOf(APP);
    retireAdele(server, 200, token);
    assertThat(server.post(RETIRE_ADELE, token).statusCode()).isEqualTo(429);

    assertThat(server.post(RETIRE_ADELE, tokenOf(OTHER_APP)).statusCode()).isEqualTo(204);
    assertThat(server.get("v1.0/users/" + ADELE.id() + "/managedDevices", token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void givenAnApplicationThrottled_whenTheWindowCloses_thenItsWritesAreServedAgain() {
    String token = tokenOf(APP);
    retireAdele(server, 200, token);
    assertThat(server.post(RETIRE_ADELE, token).statusCode()).isEqualTo(429);

    CLOCK.set(TestTime.NOW.plus(IntuneThrottle.WINDOW));

    assertThat(server.post(RETIRE_ADELE, token).statusCode()).isEqualTo(204);
  }

  @Test
  void givenTwoApplicationsWith200WritesEach_whenAThirdWrites_then429ForTheTenantsLimit() {
    retireAdele(server, 200, tokenOf(APP));
    CLOCK.set(TestTime.NOW.plus(Duration.ofSeconds(4)));
    retireAdele(server, 200, tokenOf(OTHER_APP));

    HttpResponse<String> refused = server.post(RETIRE_ADELE, tokenOf(THIRD_APP));

    assertGraphError(
        refused,
        429,
        "TooManyRequests",
        "Please retry again later. The request passed Intune's limit of 400 writes per 20 seconds"
            + " per tenant.");
    assertThat(refused.headers().firstValue("Retry-After")).contains("16");
  }

  @Test
  void givenTheSilentMode_whenThrottled_then429WithoutRetryAfterAndIntunesJsonInAStringMessage()
      throws Exception {
    String token = tokenOf(APP);
    retireAdele(silent, 200, token);

    HttpResponse<String> refused = silent.post(RETIRE_ADELE, token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
    JsonNode error = JsonBodies.json(refused).get("error");
    assertThat(error.get("code").asText()).isEqualTo("TooManyRequests");
    JsonNode message = JSON.readTree(error.get("message").asText());
    assertThat(message.get("_version").asInt()).isEqualTo(3);
    assertThat(message.get("Message").asText())
        .startsWith("An error has occurred - Operation ID (for customer support): ")
        .endsWith(" - Activity ID: " + refused.headers().firstValue("request-id").orElseThrow());
  }

  @Test
  void givenWritesInsideBatches_whenTheyReach200_thenEachCountedAndTheNextInnerWritesAnswer429() {
    String token = tokenOf(APP);
    for (int batch = 0; batch < 10; batch++) {
      HttpResponse<String> answered = batch(token, 20);
      assertThat(JsonBodies.json(answered).get("responses"))
          .allSatisfy(r -> assertThat(r.get("status").asInt()).isEqualTo(204));
    }

    HttpResponse<String> overLimit = batch(token, 2);

    // The batch itself is not counted: it is answered, and each request in it is refused.
    assertThat(overLimit.statusCode()).isEqualTo(200);
    assertThat(JsonBodies.json(overLimit).get("responses"))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.get("status").asInt()).isEqualTo(429);
              assertThat(r.get("headers").get("Retry-After").asText()).isEqualTo("20");
              assertThat(r.get("body").get("error").get("code").asText())
                  .isEqualTo("TooManyRequests");
            });
    assertThat(server.post(RETIRE_ADELE, token).statusCode()).isEqualTo(429);
  }

  @Test
  void givenRequestsWithoutAToken_whenRefused401_thenTheyAreNotCounted() {
    for (int i = 0; i < 250; i++) {
      assertThat(
              server
                  .send(server.request(RETIRE_ADELE).POST(HttpRequest.BodyPublishers.noBody()))
                  .statusCode())
          .isEqualTo(401);
    }

    retireAdele(server, 200, tokenOf(APP));
  }

  private static HttpResponse<String> batch(String token, int writes) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode requests = body.putArray("requests");
    for (int i = 0; i < writes; i++) {
      requests
          .addObject()
          .put("id", String.valueOf(i + 1))
          .put("method", "POST")
          .put("url", "/users/" + ADELE.id() + "/removeAllDevicesFromManagement");
    }
    return server.send(
        server
            .authorized("v1.0/$batch", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }
}
