package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tenant's device listing through a gateway chained to an emulator, against the same listing
 * asked of the emulator directly: the same devices in the same order, the same count, and pages
 * followed through the gateway's own links ({@code $filter}, {@code $orderby}, {@code $count},
 * {@code $top}, {@code $skiptoken}).
 */
class GatewayDeviceListingTest {

  private static final String ADMIN = "it.admin@contoso.com";
  private static final List<User> USERS =
      List.of(
          new User("0000000a-1111-4222-8333-444444444444", "ann@contoso.com", "Ann"),
          new User("0000000b-1111-4222-8333-444444444444", "o'brien@contoso.com", "Bo O'Brien"),
          new User("0000000c-1111-4222-8333-444444444444", "cy@contoso.com", "Cy"));
  private static final String[] OPERATING_SYSTEMS = {"Windows", "iOS", "Android"};

  private static EmulatorAndGateway servers;
  private static DeviceManagementServer emulator;
  private static DeviceManagementServer gateway;
  private static String token;

  @BeforeAll
  static void startEmulatorAndGatewayInFrontOfIt() {
    List<ManagedDevice> devices = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      User user = USERS.get(i % USERS.size());
      devices.add(
          ManagedDevice.builder("d%07d-0000-4000-8000-000000000000".formatted(i), user.id())
              .userPrincipalName(user.userPrincipalName())
              // Names repeat, so that the id breaks ties in both listings.
              .deviceName("LAPTOP-" + (char) ('A' + (i * 7) % 5))
              .operatingSystem(OPERATING_SYSTEMS[i % OPERATING_SYSTEMS.length])
              .complianceState(
                  i % 2 == 0 ? ComplianceState.COMPLIANT : ComplianceState.NONCOMPLIANT)
              .managementState(ManagementState.MANAGED)
              .lastSyncDateTime(Instant.parse("2025-05-01T10:00:00Z").plusSeconds(3600L * (i % 4)))
              .build());
    }
    servers = EmulatorAndGateway.start(InMemoryTenant.of(USERS, devices));
    emulator = servers.emulator();
    gateway = servers.gateway();
    token =
        BootstrapTestData.token(
            emulator.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            ADMIN,
            READ_ALL,
            Permissions.USER_READ_ALL);
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.close();
    }
  }

  /** Every page of a listing, following {@code @odata.nextLink}s, and the first page's count. */
  private record Listing(List<JsonNode> devices, Optional<Long> count, int pages) {}

  private static Listing list(URI server, String pathAndQuery) {
    List<JsonNode> devices = new ArrayList<>();
    Optional<Long> count = Optional.empty();
    URI next = server.resolve(pathAndQuery);
    int pages = 0;
    while (next != null) {
      HttpResponse<String> response =
          BootstrapTestData.send(
              HttpRequest.newBuilder(next)
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode body = BootstrapTestData.json(response.body());
      if (pages == 0 && body.has("@odata.count")) {
        count = Optional.of(body.path("@odata.count").asLong());
      }
      body.path("value").forEach(devices::add);
      pages++;
      String link = body.path("@odata.nextLink").asText(null);
      if (link != null) {
        assertThat(link).startsWith(server.toString());
      }
      next = link == null ? null : URI.create(link);
    }
    return new Listing(devices, count, pages);
  }

  private static String query(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void assertSameThroughGateway(String pathAndQuery) {
    Listing direct = list(emulator.baseUri(), pathAndQuery);
    Listing throughGateway = list(gateway.baseUri(), pathAndQuery);

    assertThat(throughGateway.devices()).isEqualTo(direct.devices());
    assertThat(throughGateway.count()).isEqualTo(direct.count());
    assertThat(throughGateway.pages()).isEqualTo(direct.pages());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.0/deviceManagement/managedDevices",
        "v1.0/deviceManagement/managedDevices?$top=4",
        "v1.0/deviceManagement/managedDevices?$top=3&$count=true&$orderby=deviceName%20desc",
        "v1.0/deviceManagement/managedDevices?$orderby=lastSyncDateTime,deviceName%20desc&$top=5",
        "beta/deviceManagement/managedDevices?$top=6&$select=id,deviceName&$count=true"
      })
  void givenListingOptions_whenListedThroughGateway_thenSameAsDirectlyPageByPage(String request) {
    assertSameThroughGateway(request);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "operatingSystem eq 'iOS'",
        "userPrincipalName eq 'o''brien@contoso.com'",
        "startswith(deviceName,'laptop-b') or complianceState eq 'noncompliant'",
        "userId eq '0000000a-1111-4222-8333-444444444444' and operatingSystem ne 'Windows'"
      })
  void givenFilter_whenListedThroughGateway_thenSameAsDirectly(String filter) {
    assertSameThroughGateway(
        "v1.0/deviceManagement/managedDevices?$top=2&$count=true&$orderby=deviceName&$filter="
            + query(filter));
  }

  @Test
  void givenFilterOnAUsersList_whenListedThroughGateway_thenSameAsDirectly() {
    assertSameThroughGateway(
        "v1.0/users/"
            + USERS.get(1).userPrincipalName()
            + "/managedDevices?$top=2&$filter="
            + query("operatingSystem ne 'Android'"));
  }

  @Test
  void givenSkipTokenNotFromTheGateway_whenListedThroughGateway_then400NamingTheToken() {
    HttpResponse<String> response =
        BootstrapTestData.send(
            BootstrapTestData.get(
                gateway.baseUri(),
                "v1.0/deviceManagement/managedDevices?$skiptoken=aHR0cHM6Ly9ldmlsLmV4YW1wbGU",
                token));

    assertThat(assertGraphError(response, 400, "BadRequest", null))
        .isEqualTo("The $skiptoken value is not valid.");
  }
}
