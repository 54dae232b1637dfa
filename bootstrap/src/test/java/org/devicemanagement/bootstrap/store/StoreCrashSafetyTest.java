package org.devicemanagement.bootstrap.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a server with {@code kill -9} while it answers retire-alls as fast as eight clients can
 * send them, restarts it on the same store, and checks what the store kept: every retire-all
 * answered 204 is there with its audit event, and no user's retire is half applied.
 */
abstract class StoreCrashSafetyTest {

  static final int USERS = 300;
  static final String AUDIT_READ = "DeviceManagementApps.Read.All";

  /** The serve options naming the store under test, kept in {@code dir} when it is a file. */
  abstract List<String> storeArguments(Path dir);

  /** Environment the store needs (credentials), added to the server's. */
  Map<String, String> storeEnvironment() {
    return Map.of();
  }

  @Test
  void
      givenRetireAllsInFlight_whenKilledAndRestarted_thenEveryAnsweredRetireIsKeptAndNoneHalfApplied(
          @TempDir Path dir) throws Exception {
    Path tenant = writeTenant(dir.resolve("tenant.json"));
    Path data = dir.resolve("data");
    List<String> first = new ArrayList<>(storeArguments(dir));
    first.addAll(
        List.of("--tenant", tenant.toString(), "--data-dir", data.toString(), "--port", "0"));
    Map<String, String> answered = new ConcurrentHashMap<>();
    try (ServeProcess server =
        ServeProcess.start(first, storeEnvironment(), dir.resolve("first.log"))) {
      String token = token(data);
      URI graph = server.graph();
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      for (int c = 0; c < 8; c++) {
        clients.execute(
            () -> {
              for (int i = next.getAndIncrement(); i < USERS; i = next.getAndIncrement()) {
                try {
                  HttpResponse<String> response =
                      BootstrapTestData.http()
                          .send(
                              BootstrapTestData.post(
                                  graph,
                                  "users/" + userId(i) + "/removeAllDevicesFromManagement",
                                  token),
                              HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 204) {
                    answered.put(
                        userId(i), response.headers().firstValue("request-id").orElseThrow());
                  }
                } catch (IOException killed) {
                  return;
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (answered.size() < USERS / 3 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.kill();
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(answered).as("answered before the kill").hasSizeGreaterThan(USERS / 4);
    assertThat(answered).as("some retire-alls were still to come").hasSizeLessThan(USERS);

    List<String> second = new ArrayList<>(storeArguments(dir));
    second.addAll(List.of("--data-dir", data.toString(), "--port", "0"));
    try (ServeProcess server =
        ServeProcess.start(second, storeEnvironment(), dir.resolve("second.log"))) {
      String token = token(data);
      Map<String, JsonNode> eventsByCorrelation = retireAllEvents(server.graph(), token);
      Map<Set<String>, Integer> successesByDevices = new HashMap<>();
      for (JsonNode event : eventsByCorrelation.values()) {
        if (event.path("activityResult").asText().equals(AuditEvents.SUCCESS)) {
          successesByDevices.merge(resourceIds(event), 1, Integer::sum);
        }
      }
      int retiredUsers = 0;
      for (int i = 0; i < USERS; i++) {
        Map<String, String> states = deviceStates(server.graph(), token, userId(i));
        assertThat(states).as("devices of user %d", i).hasSize(3);
        assertThat(states.get(deviceId(i, 3))).isEqualTo("wipePending");
        boolean retired = states.get(deviceId(i, 1)).equals("retirePending");
        assertThat(states.get(deviceId(i, 2)))
            .as("user %d's retire is whole or absent", i)
            .isEqualTo(retired ? "retirePending" : "managed");
        Set<String> changed = new TreeSet<>(List.of(deviceId(i, 1), deviceId(i, 2)));
        if (retired) {
          retiredUsers++;
          assertThat(successesByDevices.get(changed))
              .as("one audit event for user %d's retire", i)
              .isEqualTo(1);
        } else {
          assertThat(successesByDevices)
              .as("no audit event for user %d", i)
              .doesNotContainKey(changed);
        }
        String requestId = answered.get(userId(i));
        if (requestId != null) {
          assertThat(retired).as("user %d was answered 204", i).isTrue();
          JsonNode event = eventsByCorrelation.get(requestId);
          assertThat(event).as("audit event of request %s", requestId).isNotNull();
          assertThat(resourceIds(event)).isEqualTo(changed);
        }
      }
      assertThat(retiredUsers).isGreaterThanOrEqualTo(answered.size());
      assertThat(server.stop()).isZero();
    }
  }

  private static String token(Path data) {
    return BootstrapTestData.token(
        SigningKeys.loadOrCreate(data),
        TokenType.DELEGATED,
        "admin@contoso.com",
        BootstrapTestData.PRIVILEGED,
        BootstrapTestData.READ_ALL,
        AUDIT_READ);
  }

  /** The retire-all events the restarted server serves, by correlation id. */
  private static Map<String, JsonNode> retireAllEvents(URI graph, String token) {
    Map<String, JsonNode> events = new HashMap<>();
    String filter =
        URLEncoder.encode(
            "activityType eq '%s'".formatted(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE),
            StandardCharsets.UTF_8);
    URI page = graph.resolve("deviceManagement/auditEvents?$top=500&$filter=" + filter);
    while (page != null) {
      HttpResponse<String> response =
          BootstrapTestData.send(
              HttpRequest.newBuilder(page)
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = BootstrapTestData.json(response.body());
      body.path("value").forEach(e -> events.put(e.path("correlationId").asText(), e));
      page = body.has("@odata.nextLink") ? URI.create(body.path("@odata.nextLink").asText()) : null;
    }
    return events;
  }

  private static Set<String> resourceIds(JsonNode event) {
    Set<String> ids = new TreeSet<>();
    event.path("resources").forEach(r -> ids.add(r.path("resourceId").asText()));
    return ids;
  }

  private static Map<String, String> deviceStates(URI graph, String token, String userId) {
    HttpResponse<String> response =
        BootstrapTestData.send(
            BootstrapTestData.get(graph, "users/" + userId + "/managedDevices", token));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, String> states = new HashMap<>();
    BootstrapTestData.json(response.body())
        .path("value")
        .forEach(d -> states.put(d.path("id").asText(), d.path("managementState").asText()));
    return states;
  }

  static String userId(int i) {
    return "00000000-0000-4000-8000-%012d".formatted(i);
  }

  static String deviceId(int user, int n) {
    return "d%07d-0000-4000-8000-%012d".formatted(user, n);
  }

  /** A tenant of {@link #USERS} users, each with two managed devices and one under a wipe. */
  static Path writeTenant(Path file) throws IOException {
    StringBuilder json = new StringBuilder("{\"users\":[");
    for (int i = 0; i < USERS; i++) {
      json.append(i == 0 ? "" : ",")
          .append(
              "{\"id\":\"%s\",\"userPrincipalName\":\"user%d@contoso.com\",\"displayName\":\"User %d\"}"
                  .formatted(userId(i), i, i));
    }
    json.append("],\"managedDevices\":[");
    for (int i = 0; i < USERS; i++) {
      for (int n = 1; n <= 3; n++) {
        json.append(i == 0 && n == 1 ? "" : ",")
            .append(
                ("{\"id\":\"%s\",\"userId\":\"%s\",\"deviceName\":\"PC-%d-%d\","
                        + "\"operatingSystem\":\"Windows\",\"managementState\":\"%s\"}")
                    .formatted(
                        deviceId(i, n), userId(i), i, n, n == 3 ? "wipePending" : "managed"));
      }
    }
    Files.writeString(file, json.append("]}"));
    return file;
  }
}
