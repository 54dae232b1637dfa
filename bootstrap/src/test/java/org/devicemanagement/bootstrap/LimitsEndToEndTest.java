package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.limits.EmulatorLimits;
import org.devicemanagement.adapters.rest.limits.LimitsMode;
import org.devicemanagement.adapters.rest.limits.ThrottlingFilter;
import org.devicemanagement.application.MovableClock;
import org.devicemanagement.bootstrap.cli.StartupBanner;
import org.devicemanagement.bootstrap.composition.Composition;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.bootstrap.security.TokenRequest;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --limits off|intune|intune-no-retry-after}: Intune's throttling and its daily retire
 * limit through the real server; never in the gateway.
 */
class LimitsEndToEndTest {

  @TempDir static Path dataDir;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String OTHER_APP = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

  private DeviceManagementServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  // ---- throttling ---------------------------------------------------------------------------

  @Test
  void
      givenLimitsIntune_whenAnApplicationSends200WritesAndOneMore_then429WithRetryAfterWhileAnotherApplicationIsServed() {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withLimits(LimitsMode.INTUNE));
    String token =
        BootstrapTestData.delegatedToken(
            server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
    sendTwoHundredWritesInBatches(token);

    HttpResponse<String> refused = retireAdele(token);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(error(refused).path("code").asText()).isEqualTo("TooManyRequests");
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(
            seconds ->
                assertThat(Double.parseDouble(seconds)).isGreaterThan(0).isLessThanOrEqualTo(20));
    String otherApp =
        BootstrapTestData.customToken(
            server.signingKeys().orElseThrow(), Map.of("appid", OTHER_APP));
    assertThat(retireAdele(otherApp).statusCode()).isEqualTo(204);
  }

  @Test
  void givenLimitsIntuneWithoutRetryAfter_whenThrottled_then429WithoutRetryAfter() {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withLimits(LimitsMode.INTUNE_NO_RETRY_AFTER));
    String token =
        BootstrapTestData.delegatedToken(
            server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
    sendTwoHundredWritesInBatches(token);

    HttpResponse<String> refused = retireAdele(token);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
    assertThat(error(refused).path("message").asText()).startsWith("{\"_version\":3,");
  }

  @Test
  void givenLimitsOff_whenAnApplicationSendsMoreThan200Writes_thenAllAreServed() {
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir));
    String token =
        BootstrapTestData.delegatedToken(
            server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
    sendTwoHundredWritesInBatches(token);

    assertThat(retireAdele(token).statusCode()).isEqualTo(204);
    assertThat(server.instance(EmulatorLimits.class).mode()).isEqualTo(LimitsMode.OFF);
  }

  // ---- the daily retire limit ----------------------------------------------------------------

  @Test
  void
      givenLimitsIntune_whenARetireAllWouldPassTheDaysThousand_then403RetiringNothingUntilMidnightUtc() {
    User heavy = user(1, "heavy.user@contoso.com");
    User next = user(2, "next.user@contoso.com");
    List<ManagedDevice> devices = new ArrayList<>();
    devices.addAll(devicesOf(heavy, 1, 995));
    devices.addAll(devicesOf(next, 2, 10));
    MovableClock clock = new MovableClock(Instant.now());
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir, InMemoryTenant.of(List.of(heavy, next), devices))
                .withLimits(LimitsMode.INTUNE),
            binder -> binder.bind(Clock.class).toInstance(clock));
    // Valid both now and at the emulator's next midnight, whichever clock checks it.
    String token =
        new TokenMinter(server.signingKeys().orElseThrow().privateKey(), Clock.systemUTC())
            .mint(
                TokenRequest.delegated(heavy.userPrincipalName()).withLifetime(Duration.ofDays(3)));
    assertThat(retire(heavy, token).statusCode()).isEqualTo(204);

    HttpResponse<String> refused = retire(next, token);

    Instant midnight =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(error(refused).path("code").asText()).isEqualTo("quotaLimitReached");
    assertThat(error(refused).path("message").asText())
        .isEqualTo(
            "The tenant's daily limit of 1,000 retired devices would be passed: 995 devices were"
                + " retired today (UTC) and this request would retire 10 more, so none was"
                + " retired. The count starts again at midnight UTC ("
                + midnight
                + ").");
    assertThat(server.tenant().orElseThrow().listByUser(next))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.MANAGED);

    clock.set(midnight);

    assertThat(retire(next, token).statusCode()).isEqualTo(204);
    assertThat(server.tenant().orElseThrow().listByUser(next))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.RETIRE_PENDING);
  }

  // ---- wiring and options --------------------------------------------------------------------

  @Test
  void givenEachMode_whenComposed_thenTheThrottlingFilterIsInJerseyOnlyWithLimits() {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();

    assertThat(Composition.of(BootstrapTestData.settings(dataDir, tenant)).jerseyProviders())
        .isEmpty();
    assertThat(
            Composition.of(
                    BootstrapTestData.settings(dataDir, tenant).withLimits(LimitsMode.INTUNE))
                .jerseyProviders())
        .singleElement()
        .isInstanceOf(ThrottlingFilter.class);
  }

  @Test
  void givenLimitsIntune_whenTheBannerIsRendered_thenItSaysWhichLimitsApply() {
    ServerSettings settings = BootstrapTestData.settings(dataDir).withLimits(LimitsMode.INTUNE);
    server = DeviceManagementServer.start(settings);

    assertThat(StartupBanner.render(server, settings, "dm"))
        .contains("Limits")
        .contains("Intune's: throttling (429 with Retry-After), 1,000 retired devices a day");
  }

  @Test
  void givenTheGateway_whenLimitsAreAsked_thenRefusedAsGraphHasItsOwn() {
    GatewaySettings gateway =
        GatewaySettings.defaults(URI.create("https://graph.microsoft.com/v1.0"));

    assertThatThrownBy(
            () ->
                BootstrapTestData.settings(dataDir)
                    .withLimits(LimitsMode.INTUNE)
                    .withGateway(gateway))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("emulator only");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void sendTwoHundredWritesInBatches(String token) {
    for (int batch = 0; batch < 10; batch++) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode requests = body.putArray("requests");
      for (int i = 0; i < 20; i++) {
        requests
            .addObject()
            .put("id", String.valueOf(i + 1))
            .put("method", "POST")
            .put(
                "url", "/users/" + BootstrapTestData.ADELE_UPN + "/removeAllDevicesFromManagement");
      }
      HttpResponse<String> answered =
          send(
              HttpRequest.newBuilder(server.baseUri().resolve("v1.0/$batch"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
      assertThat(json(answered).path("responses"))
          .allSatisfy(r -> assertThat(r.path("status").asInt()).isEqualTo(204));
    }
  }

  private HttpResponse<String> retireAdele(String token) {
    return post(
        "v1.0/users/" + BootstrapTestData.ADELE_UPN + "/removeAllDevicesFromManagement", token);
  }

  private HttpResponse<String> retire(User user, String token) {
    return post("v1.0/users/" + user.id() + "/removeAllDevicesFromManagement", token);
  }

  private HttpResponse<String> post(String path, String token) {
    return send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static JsonNode error(HttpResponse<String> response) {
    return json(response).path("error");
  }

  private static User user(int n, String upn) {
    return new User("00000000-0000-4000-8000-%012d".formatted(n), upn, upn);
  }

  private static List<ManagedDevice> devicesOf(User user, int n, int count) {
    List<ManagedDevice> devices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      devices.add(
          ManagedDevice.builder("%08d-0000-4000-8000-%012d".formatted(i, n), user.id())
              .userPrincipalName(user.userPrincipalName())
              .deviceName("DEV-%d".formatted(i))
              .managementState(ManagementState.MANAGED)
              .build());
    }
    return devices;
  }
}
