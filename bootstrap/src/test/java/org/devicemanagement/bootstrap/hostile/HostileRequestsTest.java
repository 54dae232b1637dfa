package org.devicemanagement.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Well over 100 hostile requests, one table row each, through the real running server over raw
 * sockets: every row names its expected status, Graph error code and headers; no answer carries a
 * stack trace, a class name, HTML or the token, none is a 500; and afterwards the server still
 * answers valid requests correctly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {

  private static final String CRID = "5b2e5c1a-7d3f-4e80-9a6b-1c2d3e4f5a6b";
  private static final String GUID = "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)(exception|\\bat [a-z]+\\.|org\\.eclipse|org\\.glassfish|org\\.devicemanagement|"
              + "jakarta\\.|java\\.|com\\.nimbusds|com\\.fasterxml|<html|<body|jetty|jersey|"
              + "stack ?trace|\\.java:)");

  private static final User OWNER =
      new User("7a000000-0000-4000-8000-000000000001", "owner@hostile.example", "Owner");
  private static final User DOLLAR =
      new User("7a000000-0000-4000-8000-000000000002", "$dollar@hostile.example", "Dollar");
  private static final User HASH =
      new User("7a000000-0000-4000-8000-000000000003", "hash#tag@hostile.example", "Hash");
  private static final User UNICODE =
      new User("7a000000-0000-4000-8000-000000000004", "jürgen.müller@hostile.example", "Jürgen");
  private static final User QUOTE =
      new User("7a000000-0000-4000-8000-000000000005", "o'brien@hostile.example", "O'Brien");
  private static final String OWNER_DEVICE = "7d000000-0000-4000-8000-000000000001";
  private static final String OWNER_DEVICE_2 = "7d000000-0000-4000-8000-000000000002";

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private SigningKeys keys;
  private String token;
  private int port;
  private final List<String> tokensSent = new ArrayList<>();

  @BeforeAll
  void start() {
    List<ManagedDevice> devices =
        List.of(
            BootstrapTestData.device(OWNER_DEVICE, OWNER, ManagementState.MANAGED),
            BootstrapTestData.device(OWNER_DEVICE_2, OWNER, ManagementState.WIPE_PENDING),
            BootstrapTestData.device(
                "7d000000-0000-4000-8000-000000000003", DOLLAR, ManagementState.MANAGED),
            BootstrapTestData.device(
                "7d000000-0000-4000-8000-000000000004", HASH, ManagementState.MANAGED),
            BootstrapTestData.device(
                "7d000000-0000-4000-8000-000000000005", UNICODE, ManagementState.MANAGED),
            BootstrapTestData.device(
                "7d000000-0000-4000-8000-000000000006", QUOTE, ManagementState.MANAGED));
    InMemoryTenant tenant =
        InMemoryTenant.of(List.of(OWNER, DOLLAR, HASH, UNICODE, QUOTE), devices);
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir, tenant));
    keys = server.signingKeys().orElseThrow();
    port = server.port();
    token = BootstrapTestData.delegatedToken(keys, OWNER.userPrincipalName());
  }

  @AfterAll
  void stop() {
    server.stop();
  }

  /** One hostile request and what the server must answer. */
  record Row(
      String name,
      String head,
      RawHttp.BodyWriter body,
      int status,
      String code,
      boolean echoesClientRequestId,
      Map<String, String> headers) {

    @Override
    public String toString() {
      return name;
    }
  }

  Stream<Row> rows() {
    List<Row> rows = new ArrayList<>();
    tokenRows(rows);
    pathRows(rows);
    methodRows(rows);
    bodyRows(rows);
    batchRows(rows);
    controlRows(rows);
    headerRows(rows);
    requestLineRows(rows);
    return rows.stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("rows")
  @Order(1)
  void givenHostileRequest_whenSent_thenGraphShapedAnswerWithoutLeaks(Row row) {
    RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", port, bytes(row.head()), row.body());

    assertThat(answer.status())
        .as("status of %s: %s", row.name(), answer.raw())
        .isEqualTo(row.status());
    assertThat(answer.status()).isNotEqualTo(500);
    String requestId =
        answer
            .header("request-id")
            .orElseThrow(() -> new AssertionError("no request-id: " + answer.raw()));
    assertThat(requestId).matches(GUID);
    assertThat(answer.count("request-id")).isOne();
    String clientRequestId = answer.header("client-request-id").orElseThrow();
    assertThat(clientRequestId).isEqualTo(row.echoesClientRequestId() ? CRID : requestId);
    row.headers()
        .forEach(
            (name, prefix) ->
                assertThat(answer.header(name))
                    .as(name)
                    .hasValueSatisfying(v -> assertThat(v).startsWith(prefix)));
    assertThat(LEAK.matcher(answer.raw()).find()).as("leaks internals: %s", answer.raw()).isFalse();
    for (String sent : tokensSent) {
      assertThat(answer.raw()).doesNotContain(sent);
    }
    if (row.code() == null) {
      assertThat(answer.body()).doesNotContain("\"error\"");
      return;
    }
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode error = BootstrapTestData.json(answer.body()).path("error");
    assertThat(error.path("code").asText()).as(answer.body()).isEqualTo(row.code());
    assertThat(error.path("message").asText()).isNotBlank().hasSizeLessThan(400);
    assertThat(error.path("innerError").path("request-id").asText()).isEqualTo(requestId);
    assertThat(error.path("innerError").path("client-request-id").asText())
        .isEqualTo(clientRequestId);
    assertThat(error.path("innerError").path("date").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  @Order(2)
  void givenAllHostileRequestsDone_whenValidRequests_thenAnsweredCorrectly() {
    String head =
        "POST /v1.0/users/%s/removeAllDevicesFromManagement HTTP/1.1\r\nHost: localhost\r\n"
                .formatted(OWNER.userPrincipalName())
            + "Authorization: Bearer "
            + token
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    RawHttp.Answer retired = RawHttp.exchange("127.0.0.1", port, head);
    RawHttp.Answer device =
        RawHttp.exchange(
            "127.0.0.1",
            port,
            get("/v1.0/deviceManagement/managedDevices/" + OWNER_DEVICE, auth("Bearer " + token)));

    assertThat(retired.status()).as(retired.raw()).isEqualTo(204);
    assertThat(device.status()).as(device.raw()).isEqualTo(200);
    assertThat(BootstrapTestData.json(device.body()).path("managementState").asText())
        .isEqualTo("retirePending");
    assertThat(
            server
                .tenant()
                .orElseThrow()
                .findDeviceById(OWNER_DEVICE_2)
                .orElseThrow()
                .managementState())
        .isEqualTo(ManagementState.WIPE_PENDING);
  }

  // ---- tokens --------------------------------------------------------------------------------

  private void tokenRows(List<Row> rows) {
    String retire = "/v1.0/users/" + OWNER.userPrincipalName() + "/removeAllDevicesFromManagement";
    String list = "/v1.0/users/" + OWNER.id() + "/managedDevices";
    Instant now = Instant.now();
    Map<String, String> unauthorized = Map.of("WWW-Authenticate", "Bearer");
    Map<String, String> badTokens = new LinkedHashMap<>();
    badTokens.put("no Authorization header", null);
    badTokens.put("empty Authorization header", "");
    badTokens.put("Bearer without a token", "Bearer");
    badTokens.put("Bearer and a space", "Bearer ");
    badTokens.put("wrong scheme Basic", "Basic " + b64("owner:secret"));
    badTokens.put("wrong scheme Token", "Token " + token);
    badTokens.put("not a JWT", "Bearer not-a-jwt");
    badTokens.put("three dots only", "Bearer ...");
    badTokens.put("bad base64", "Bearer !!!.@@@.###");
    badTokens.put("JSON junk header", "Bearer " + b64("{junk") + "." + b64("{}") + ".c2ln");
    badTokens.put(
        "JSON array claims", "Bearer " + b64("{\"alg\":\"RS256\"}") + "." + b64("[1,2]") + ".c2ln");
    badTokens.put("alg none", "Bearer " + unsigned(claims(now, Map.of())));
    badTokens.put("HS256 signed with the public key", "Bearer " + hs256WithPublicKey(now));
    badTokens.put("unknown kid", "Bearer " + signed(header("unknown-kid"), claims(now, Map.of())));
    badTokens.put(
        "no kid",
        "Bearer "
            + signed(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(now, Map.of())));
    badTokens.put("wrong signature", "Bearer " + forged(now));
    badTokens.put(
        "signed by another key",
        "Bearer " + BootstrapTestData.tokenSignedByAnotherKey(OWNER.userPrincipalName()));
    badTokens.put("expired", "Bearer " + custom(Map.of("exp", Date.from(now.minusSeconds(3600)))));
    badTokens.put(
        "not yet valid", "Bearer " + custom(Map.of("nbf", Date.from(now.plusSeconds(3600)))));
    badTokens.put("wrong aud", "Bearer " + custom(Map.of("aud", "https://management.azure.com")));
    badTokens.put("wrong iss", "Bearer " + custom(Map.of("iss", "https://evil.example/")));
    badTokens.put(
        "iss of another tenant",
        "Bearer "
            + custom(
                Map.of("iss", "https://sts.windows.net/11111111-1111-4111-8111-111111111111/")));
    badTokens.put("missing tid", "Bearer " + custom(withNull("tid")));
    badTokens.put("missing scp and roles", "Bearer " + custom(withNull("scp")));
    badTokens.put(
        "scp of the wrong type",
        "Bearer "
            + custom(
                Map.of("scp", List.of("DeviceManagementManagedDevices.PrivilegedOperations.All"))));
    badTokens.put("scp a number", "Bearer " + custom(Map.of("scp", 42)));
    badTokens.put(
        "roles a string",
        "Bearer "
            + custom(
                merge(
                    withNull("scp"),
                    Map.of("roles", "DeviceManagementManagedDevices.ReadWrite.All"))));
    badTokens.put(
        "token with a space inside",
        "Bearer " + token.substring(0, 20) + " " + token.substring(20));
    badTokens.put("token truncated", "Bearer " + token.substring(0, token.length() - 10));
    badTokens.forEach(
        (name, authorization) -> {
          rows.add(
              row(
                  "token: " + name + " (retire)",
                  post(retire, crid(), auth(authorization)),
                  401,
                  "InvalidAuthenticationToken",
                  true,
                  unauthorized));
          if (authorization != null && authorization.length() > 27) {
            tokensSent.add(authorization.substring(7));
          }
        });
    rows.add(
        row(
            "token: none (list)",
            get(list, crid()),
            401,
            "InvalidAuthenticationToken",
            true,
            unauthorized));
    rows.add(
        row(
            "token: expired (list)",
            get(list, crid(), auth(badTokens.get("expired"))),
            401,
            "InvalidAuthenticationToken",
            true,
            unauthorized));
    rows.add(
        row(
            "token: alg none (get device)",
            get(
                "/v1.0/deviceManagement/managedDevices/" + OWNER_DEVICE,
                crid(),
                auth(badTokens.get("alg none"))),
            401,
            "InvalidAuthenticationToken",
            true,
            unauthorized));
    rows.add(
        row(
            "token: two Authorization headers",
            post(
                retire,
                crid(),
                "Authorization: Bearer " + token,
                "Authorization: Bearer "
                    + BootstrapTestData.tokenSignedByAnotherKey(OWNER.userPrincipalName())),
            401,
            "InvalidAuthenticationToken",
            true,
            unauthorized));
    rows.add(
        row(
            "token: two Authorization headers, both valid",
            post(
                retire, crid(), "Authorization: Bearer " + token, "Authorization: Bearer " + token),
            401,
            "InvalidAuthenticationToken",
            true,
            unauthorized));
    String huge = "Bearer " + "eyJ" + "A".repeat(64 * 1024);
    rows.add(
        row(
            "token: 64 KB",
            post(retire, crid(), "Authorization: " + huge),
            431,
            "RequestHeaderFieldsTooLarge",
            false,
            Map.of()));
    rows.add(
        row(
            "token: without the privileged scope",
            post(
                retire,
                crid(),
                auth("Bearer " + custom(Map.of("scp", "DeviceManagementManagedDevices.Read.All")))),
            403,
            "Forbidden",
            true,
            Map.of()));
    rows.add(
        row(
            "token: application token under the seed table",
            post(
                retire,
                crid(),
                auth(
                    "Bearer "
                        + custom(
                            merge(
                                withNull("scp"),
                                Map.of(
                                    "roles",
                                    List.of(
                                        "DeviceManagementManagedDevices.PrivilegedOperations.All"),
                                    "idtyp",
                                    "app"))))),
            403,
            "Forbidden",
            true,
            Map.of()));
  }

  // ---- paths ---------------------------------------------------------------------------------

  private void pathRows(List<Row> rows) {
    String a = auth("Bearer " + token);
    Map<String, String> none = Map.of();
    String longId = "a".repeat(10_000);
    String midId = "b".repeat(5_000);
    Object[][] table = {
      {"unknown top segment", "GET", "/v1.0/bogus", 400, "BadRequest"},
      {"unknown version", "GET", "/v2.0/users/x/managedDevices", 400, "BadRequest"},
      {"root", "GET", "/", 400, "BadRequest"},
      {"version only", "GET", "/v1.0", 400, "BadRequest"},
      {"users without id", "GET", "/v1.0/users", 400, "BadRequest"},
      {"deviceManagement without a collection", "GET", "/v1.0/deviceManagement", 400, "BadRequest"},
      {
        "user without action is Get user, refused without a user scope",
        "GET",
        "/v1.0/users/" + OWNER.id(),
        403,
        "Forbidden"
      },
      {
        "unknown action",
        "POST",
        "/v1.0/users/" + OWNER.id() + "/retireEverything",
        400,
        "BadRequest"
      },
      {
        "segment after the action",
        "POST",
        "/v1.0/users/" + OWNER.id() + "/removeAllDevicesFromManagement/extra",
        400,
        "BadRequest"
      },
      {
        "segment after the list",
        "GET",
        "/v1.0/users/" + OWNER.id() + "/managedDevices/extra/more",
        400,
        "BadRequest"
      },
      {"$metadata", "GET", "/v1.0/$metadata", 400, "BadRequest"},
      {"$batch", "POST", "/v1.0/$batch", 400, "BadRequest"},
      {
        "encoded traversal %2e%2e",
        "GET",
        "/v1.0/users/%2e%2e/managedDevices",
        400,
        "BadRequest",
        false
      },
      {
        "encoded traversal %2E%2E upper",
        "GET",
        "/v1.0/users/%2E%2E/%2E%2E/managedDevices",
        400,
        "BadRequest",
        false
      },
      {
        "encoded traversal to /etc/passwd",
        "GET",
        "/v1.0/%2e%2e/%2e%2e/etc/passwd",
        400,
        "BadRequest",
        false
      },
      {"mixed traversal .%2e", "GET", "/v1.0/users/.%2e/managedDevices", 400, "BadRequest", false},
      {"plain traversal above root", "GET", "/v1.0/../../../etc/passwd", 400, "BadRequest", false},
      {
        "encoded slash %2F in UPN",
        "GET",
        "/v1.0/users/owner%2F..%2Fx@hostile.example/managedDevices",
        400,
        "BadRequest",
        false
      },
      {
        "encoded slash %2f",
        "POST",
        "/v1.0/users/a%2fb/removeAllDevicesFromManagement",
        400,
        "BadRequest",
        false
      },
      {
        "encoded backslash",
        "GET",
        "/v1.0/users/..%5c..%5cx/managedDevices",
        400,
        "BadRequest",
        false
      },
      {"encoded NUL", "GET", "/v1.0/users/a%00b/managedDevices", 400, "BadRequest", false},
      {"bad percent escape", "GET", "/v1.0/users/a%zzb/managedDevices", 400, "BadRequest", false},
      {
        "double encoded slash",
        "GET",
        "/v1.0/users/a%252fb/managedDevices",
        400,
        "BadRequest",
        false
      },
      {
        "id of 10,000 characters",
        "GET",
        "/v1.0/users/" + longId + "/managedDevices",
        414,
        "RequestUriTooLong",
        false
      },
      {
        "id of 5,000 characters",
        "GET",
        "/v1.0/users/" + midId + "/managedDevices",
        404,
        "Request_ResourceNotFound"
      },
      {
        "device id of 5,000 characters",
        "GET",
        "/v1.0/deviceManagement/managedDevices/" + midId,
        404,
        "ResourceNotFound"
      },
      {"empty id", "GET", "/v1.0/users//managedDevices", 400, "BadRequest", false},
      {
        "empty id on the action",
        "POST",
        "/v1.0/users//removeAllDevicesFromManagement",
        400,
        "BadRequest",
        false
      },
      {"blank id", "GET", "/v1.0/users/%20/managedDevices", 400, "BadRequest"},
      {"empty key", "GET", "/v1.0/users('')/managedDevices", 400, "BadRequest"},
      {
        "blank device id",
        "GET",
        "/v1.0/deviceManagement/managedDevices/%20",
        404,
        "ResourceNotFound"
      },
      {
        "$filter on an unknown property",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$filter=foo%20eq%20'x'",
        400,
        "BadRequest"
      },
      {
        "$filter with an unterminated literal",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$filter=deviceName%20eq%20'x",
        400,
        "BadRequest"
      },
      {
        "$filter of 3,000 opening parentheses",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$filter=" + "(".repeat(3000),
        400,
        "BadRequest"
      },
      {
        "$filter of 6,000 characters",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$filter=deviceName%20eq%20'"
            + "x".repeat(6000)
            + "'",
        400,
        "BadRequest"
      },
      {
        "$filter with a NUL",
        "GET",
        "/v1.0/users/me/managedDevices?$filter=deviceName%20eq%20'%00'%00",
        400,
        "BadRequest"
      },
      {"$filter empty", "GET", "/v1.0/me/managedDevices?$filter=", 400, "BadRequest"},
      {"$filter an operator only", "GET", "/v1.0/me/managedDevices?$filter=eq", 400, "BadRequest"},
      {
        "$orderby on an unsupported property",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$orderby=serialNumber",
        400,
        "BadRequest"
      },
      {
        "$select of an unknown property",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$select=id,passwords",
        400,
        "BadRequest"
      },
      {"$count not a boolean", "GET", "/v1.0/me/managedDevices?$count=1", 400, "BadRequest"},
      {
        "$skiptoken forged",
        "GET",
        "/v1.0/deviceManagement/managedDevices?$skiptoken=YWZ0ZXI6",
        400,
        "BadRequest"
      },
      {
        "raw # cuts the path to Get user",
        "GET",
        "/v1.0/users/hash#tag@hostile.example/managedDevices",
        403,
        "Forbidden"
      },
      {
        "unknown unicode UPN",
        "GET",
        "/v1.0/users/%E2%98%83@hostile.example/managedDevices",
        404,
        "Request_ResourceNotFound"
      },
      {
        "unknown $-UPN by key",
        "GET",
        "/v1.0/users('$nobody@hostile.example')/managedDevices",
        404,
        "Request_ResourceNotFound"
      },
      {
        "unknown device",
        "GET",
        "/v1.0/deviceManagement/managedDevices/00000000-0000-4000-8000-000000000000",
        404,
        "ResourceNotFound"
      },
      {
        "overlong UTF-8", "GET", "/v1.0/users/%C0%AE%C0%AE/managedDevices", 400, "BadRequest", false
      },
    };
    for (Object[] r : table) {
      String head = request((String) r[1], (String) r[2], crid(), a, "Content-Length: 0");
      boolean echo = r.length < 6 || (Boolean) r[5];
      rows.add(row("path: " + r[0], head, (Integer) r[3], (String) r[4], echo, none));
    }
    // Edge UPNs that must work: Graph's key syntax, '$', '#', unicode, quotes.
    Object[][] working = {
      {"$-UPN by key: list", "GET", "/v1.0/users('$dollar@hostile.example')/managedDevices", 200},
      {
        "$-UPN by key: retire",
        "POST",
        "/v1.0/users('$dollar@hostile.example')/removeAllDevicesFromManagement",
        204
      },
      {
        "$-UPN by key, namespaced action",
        "POST",
        "/v1.0/users('$dollar@hostile.example')/microsoft.graph.removeAllDevicesFromManagement",
        204
      },
      {"$-UPN plain", "GET", "/v1.0/users/$dollar@hostile.example/managedDevices", 200},
      {"id by key", "GET", "/beta/users('" + OWNER.id() + "')/managedDevices", 200},
      {"%23 in UPN", "GET", "/v1.0/users/hash%23tag@hostile.example/managedDevices", 200},
      {
        "%23 in UPN by key",
        "POST",
        "/v1.0/users('hash%23tag@hostile.example')/removeAllDevicesFromManagement",
        204
      },
      {
        "unicode UPN",
        "GET",
        "/v1.0/users/j%C3%BCrgen.m%C3%BCller@hostile.example/managedDevices",
        200
      },
      {"quote UPN by key", "GET", "/v1.0/users('o''brien@hostile.example')/managedDevices", 200},
      {"quote UPN plain", "GET", "/v1.0/users/o'brien@hostile.example/managedDevices", 200},
      {
        "device by key",
        "GET",
        "/v1.0/deviceManagement/managedDevices('" + OWNER_DEVICE_2 + "')",
        200
      },
    };
    for (Object[] r : working) {
      String head = request((String) r[1], (String) r[2], crid(), a, "Content-Length: 0");
      rows.add(row("path works: " + r[0], head, (Integer) r[3], null, true, none));
    }
  }

  // ---- methods -------------------------------------------------------------------------------

  private void methodRows(List<Row> rows) {
    String a = auth("Bearer " + token);
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("/v1.0/users/" + OWNER.id() + "/removeAllDevicesFromManagement", "POST");
    routes.put("/beta/me/removeAllDevicesFromManagement", "POST");
    routes.put("/v1.0/users/" + OWNER.id() + "/managedDevices", "GET, HEAD, OPTIONS");
    routes.put("/beta/deviceManagement/managedDevices/" + OWNER_DEVICE, "GET, HEAD, OPTIONS");
    routes.forEach(
        (path, allowed) -> {
          for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
            if (allowed.startsWith(method)) {
              continue;
            }
            rows.add(
                row(
                    "method: %s %s".formatted(method, path),
                    request(method, path, crid(), a, "Content-Length: 0"),
                    405,
                    "Request_BadRequest",
                    true,
                    Map.of()));
          }
          rows.add(
              row(
                  "method: unknown FOO " + path,
                  request("FOO", path, crid(), a, "Content-Length: 0"),
                  405,
                  "Request_BadRequest",
                  true,
                  Map.of()));
        });
    rows.add(
        row(
            "method: TRACE",
            request("TRACE", "/v1.0/me/removeAllDevicesFromManagement", crid(), a),
            405,
            "Request_BadRequest",
            true,
            Map.of()));
    rows.add(
        row(
            "method: lower-case post",
            request(
                "post", "/v1.0/me/removeAllDevicesFromManagement", crid(), a, "Content-Length: 0"),
            405,
            "Request_BadRequest",
            true,
            Map.of()));
    rows.add(
        row(
            "method: GET on the action without a token",
            get("/v1.0/me/removeAllDevicesFromManagement", crid()),
            405,
            "Request_BadRequest",
            true,
            Map.of("Allow", "POST,OPTIONS")));
  }

  // ---- bodies --------------------------------------------------------------------------------

  private void bodyRows(List<Row> rows) {
    String a = auth("Bearer " + token);
    String retire = "/v1.0/users/" + OWNER.id() + "/removeAllDevicesFromManagement";
    for (String body :
        List.of("{\"a\":1}", "[]", "null", "x", "{}{}", "<xml/>", "{\"value\":[]}")) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      rows.add(
          row(
              "body: non-empty " + body,
              bytes(
                  post(
                      retire,
                      crid(),
                      a,
                      "Content-Type: application/json",
                      "Content-Length: " + bytes.length)),
              out -> out.write(bytes),
              400,
              "BadRequest",
              true,
              Map.of()));
    }
    byte[] xml = "<a/>".getBytes(StandardCharsets.UTF_8);
    rows.add(
        row(
            "body: wrong Content-Type with a body",
            bytes(post(retire, crid(), a, "Content-Type: application/xml", "Content-Length: 4")),
            out -> out.write(xml),
            400,
            "BadRequest",
            true,
            Map.of()));
    rows.add(
        row(
            "body: 10 MB declared, refused unread",
            bytes(
                post(
                    retire,
                    crid(),
                    a,
                    "Content-Type: application/json",
                    "Content-Length: " + (10 * 1024 * 1024))),
            out -> out.write(new byte[8 * 1024]),
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    rows.add(
        row(
            "body: 10 MB declared without a token",
            bytes(post(retire, crid(), "Content-Length: " + (10 * 1024 * 1024))),
            out -> out.write(new byte[1024]),
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    rows.add(
        row(
            "body: 100 KB declared on a GET",
            bytes(
                request(
                    "GET",
                    "/v1.0/users/" + OWNER.id() + "/managedDevices",
                    crid(),
                    a,
                    "Content-Length: 102400")),
            out -> out.write(new byte[1024]),
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    rows.add(
        row(
            "body: 10 MB chunked, cut off at the limit",
            bytes(
                post(
                    retire,
                    crid(),
                    a,
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked")),
            HostileRequestsTest::tenMegabytesChunked,
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    rows.add(
        row(
            "body: malformed Content-Length",
            post(retire, crid(), a, "Content-Length: abc"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "body: negative Content-Length",
            post(retire, crid(), a, "Content-Length: -1"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "body: two different Content-Lengths",
            post(retire, crid(), a, "Content-Length: 0", "Content-Length: 5"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "body: Content-Length and chunked (smuggling)",
            bytes(post(retire, crid(), a, "Content-Length: 4", "Transfer-Encoding: chunked")),
            out -> out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "body: unknown transfer coding",
            post(retire, crid(), a, "Transfer-Encoding: gzip"),
            400,
            "BadRequest",
            false,
            Map.of()));
    for (String accept :
        List.of(
            "text/html",
            "application/xml",
            "application/json;q=0",
            "*/*;q=0",
            "image/png, text/*")) {
      rows.add(
          row(
              "accept: " + accept,
              post(retire, crid(), a, "Accept: " + accept, "Content-Length: 0"),
              406,
              "NotAcceptable",
              true,
              Map.of()));
    }
  }

  // ---- headers -------------------------------------------------------------------------------

  // ---- JSON batches ------------------------------------------------------------------------

  private void batchRows(List<Row> rows) {
    String a = auth("Bearer " + token);
    String me = "{\"id\":\"%s\",\"method\":\"GET\",\"url\":\"%s\"%s}";
    StringBuilder twentyOne = new StringBuilder();
    for (int i = 1; i <= 21; i++) {
      twentyOne.append(i == 1 ? "" : ",").append(me.formatted("r" + i, "/me", ""));
    }
    Map<String, String> badBatches = new LinkedHashMap<>();
    badBatches.put("malformed JSON", "{\"requests\": [");
    badBatches.put("requests not an array", "{\"requests\": \"all\"}");
    badBatches.put("nesting 20,000 deep", "[".repeat(20_000));
    badBatches.put("21 requests", "{\"requests\": [" + twentyOne + "]}");
    badBatches.put(
        "ids differing only in case",
        "{\"requests\": ["
            + me.formatted("A", "me", "")
            + ","
            + me.formatted("a", "me", "")
            + "]}");
    badBatches.put(
        "a nested batch", "{\"requests\": [" + me.formatted("1", "/%24BATCH?x=1", "") + "]}");
    badBatches.put(
        "an absolute inner url",
        "{\"requests\": [" + me.formatted("1", "http://169.254.169.254/latest", "") + "]}");
    badBatches.put(
        "a dependsOn cycle",
        "{\"requests\": ["
            + me.formatted("1", "me", ",\"dependsOn\":[\"2\"]")
            + ","
            + me.formatted("2", "me", ",\"dependsOn\":[\"1\"]")
            + "]}");
    badBatches.put(
        "an inner header with CRLF",
        "{\"requests\": ["
            + me.formatted("1", "me", ",\"headers\":{\"X\":\"a\\r\\nB: c\"}")
            + "]}");
    badBatches.forEach(
        (name, body) -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          rows.add(
              row(
                  "batch: " + name,
                  bytes(
                      post(
                          "/v1.0/$batch",
                          crid(),
                          a,
                          "Content-Type: application/json",
                          "Content-Length: " + bytes.length)),
                  out -> out.write(bytes),
                  400,
                  "BadRequest",
                  true,
                  Map.of()));
        });
    byte[] one =
        ("{\"requests\": [" + me.formatted("1", "me", "") + "]}").getBytes(StandardCharsets.UTF_8);
    rows.add(
        row(
            "batch: without a token",
            bytes(
                post(
                    "/v1.0/$batch",
                    crid(),
                    "Content-Type: application/json",
                    "Content-Length: " + one.length)),
            out -> out.write(one),
            401,
            "InvalidAuthenticationToken",
            true,
            Map.of("WWW-Authenticate", "Bearer")));
    rows.add(
        row(
            "batch: GET",
            get("/v1.0/$batch", crid(), a),
            405,
            "Request_BadRequest",
            true,
            Map.of("Allow", "POST")));
    rows.add(
        row(
            "batch: text/plain",
            bytes(
                post(
                    "/beta/$batch",
                    crid(),
                    a,
                    "Content-Type: text/plain",
                    "Content-Length: " + one.length)),
            out -> out.write(one),
            415,
            "UnsupportedMediaType",
            true,
            Map.of()));
    rows.add(
        row(
            "batch: 10 MB chunked, cut off at the limit",
            bytes(
                post(
                    "/v1.0/$batch",
                    crid(),
                    a,
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked")),
            HostileRequestsTest::tenMegabytesChunked,
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
  }

  private void headerRows(List<Row> rows) {
    String a = auth("Bearer " + token);
    String list = "/v1.0/users/" + OWNER.id() + "/managedDevices";
    String noToken = "/v1.0/users/" + OWNER.id() + "/managedDevices";
    rows.add(
        row(
            "header: one of 10 KB",
            get(list, crid(), a, "X-Padding: " + "p".repeat(10_000)),
            431,
            "RequestHeaderFieldsTooLarge",
            false,
            Map.of()));
    List<String> many = new ArrayList<>(List.of(crid(), a));
    for (int i = 0; i < 300; i++) {
      many.add("X-Many-" + i + ": " + "m".repeat(40));
    }
    rows.add(
        row(
            "header: 300 headers",
            get(list, many.toArray(String[]::new)),
            431,
            "RequestHeaderFieldsTooLarge",
            false,
            Map.of()));
    rows.add(
        row(
            "header: client-request-id of 10,000 characters",
            get(list, a, "client-request-id: " + "c".repeat(10_000)),
            431,
            "RequestHeaderFieldsTooLarge",
            false,
            Map.of()));
    for (String bad :
        List.of(
            "c".repeat(101),
            "c".repeat(5_000),
            "<script>alert(1)</script>",
            "not a guid",
            "abc;def",
            "../../etc/passwd",
            "%0d%0aSet-Cookie: x=1",
            "{\"json\":true}")) {
      rows.add(
          row(
              "header: client-request-id not echoed: "
                  + bad.substring(0, Math.min(bad.length(), 30)),
              get(noToken, "client-request-id: " + bad),
              401,
              "InvalidAuthenticationToken",
              false,
              Map.of()));
    }
    rows.add(
        row(
            "header: two client-request-ids",
            get(noToken, crid(), "client-request-id: 11111111-1111-4111-8111-111111111111"),
            401,
            "InvalidAuthenticationToken",
            false,
            Map.of()));
    rows.add(
        row(
            "header: control byte in a value",
            get(list, crid(), a, "X-Ctl: a\u0001b"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: NUL in a value",
            get(list, crid(), a, "X-Nul: a\u0000b"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: bare CR in a value",
            get(list, crid(), a, "X-Cr: a\rInjected: yes"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: space in the name",
            get(list, crid(), a, "Bad Name: x"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: space before the colon",
            get(list, crid(), a, "X-Space : x"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: no colon",
            get(list, crid(), a, "NoColonHere"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: obsolete line folding",
            get(list, crid(), a, "X-Fold: a\r\n  b"),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: Latin-1 byte in Authorization",
            get(list, crid(), "Authorization: Bearer \u00ff\u00fe" + token.substring(3)),
            401,
            "InvalidAuthenticationToken",
            true,
            Map.of()));
    rows.add(
        row(
            "header: no Host",
            "GET " + list + " HTTP/1.1\r\n" + crid() + "\r\n" + a + "\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "header: two Hosts",
            "GET "
                + list
                + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n"
                + crid()
                + "\r\n"
                + a
                + "\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
  }

  // ---- request lines -------------------------------------------------------------------------

  private void requestLineRows(List<Row> rows) {
    rows.add(row("request line: garbage", "GARBAGE\r\n\r\n", 400, "BadRequest", false, Map.of()));
    rows.add(
        row(
            "request line: no version",
            "GET /v1.0/me/managedDevices\r\nHost: x\r\n\r\n",
            505,
            "HttpVersionNotSupported",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: HTTP/9.9",
            "GET /v1.0/me/managedDevices HTTP/9.9\r\nHost: x\r\n\r\n",
            505,
            "HttpVersionNotSupported",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: relative target",
            "GET v1.0/me/managedDevices HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: two spaces",
            "GET  /v1.0/deviceManagement HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: raw space in target",
            "GET /v1.0/users/a b/managedDevices HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: raw UTF-8 bytes",
            new String(
                "GET /v1.0/users/jürgen/managedDevices HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1),
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: control byte in target",
            "GET /v1.0/users/a\u0007b/managedDevices HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: asterisk form",
            "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: absolute form to another host",
            "GET http://evil.example/v1.0/bogus HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: CONNECT",
            "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\nConnection: close\r\n\r\n",
            400,
            "BadRequest",
            false,
            Map.of()));
    rows.add(
        row(
            "request line: LF only line ends",
            "GET /v1.0/bogus HTTP/1.1\nHost: x\nConnection: close\n\n",
            400,
            "BadRequest",
            false,
            Map.of()));
  }

  // ---- building requests ---------------------------------------------------------------------

  // ---- the control API (no token; JSON bodies) ------------------------------------------------

  private void controlRows(List<Row> rows) {
    Map<String, String> badFaults = new LinkedHashMap<>();
    badFaults.put("malformed JSON", "{\"respond\": {");
    badFaults.put("an array", "[{\"respond\": {\"status\": 429}}]");
    badFaults.put("nesting 20,000 deep", "[".repeat(20_000));
    badFaults.put("objects nested 5,000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
    badFaults.put("status 200", "{\"respond\": {\"status\": 200}}");
    badFaults.put("status a string", "{\"respond\": {\"status\": \"429\"}}");
    badFaults.put("status 1e999", "{\"respond\": {\"status\": 1e999}}");
    badFaults.put("status null", "{\"respond\": {\"status\": null}}");
    badFaults.put("delay of a day", "{\"respond\": {\"status\": 429, \"delayMs\": 86400000}}");
    badFaults.put(
        "delay of 2^63", "{\"respond\": {\"status\": 429, \"delayMs\": 9223372036854775808}}");
    badFaults.put("probability 2", "{\"respond\": {\"status\": 429}, \"probability\": 2}");
    badFaults.put("probability NaN", "{\"respond\": {\"status\": 429}, \"probability\": NaN}");
    badFaults.put("times -1", "{\"respond\": {\"status\": 429}, \"times\": -1}");
    badFaults.put(
        "times and probability",
        "{\"respond\": {\"status\": 429}, \"times\": 1, \"probability\": 0.5}");
    badFaults.put(
        "an unknown property of 10,000 characters",
        "{\"respond\": {\"status\": 429}, \"" + "p".repeat(10_000) + "\": 1}");
    badFaults.put(
        "a glob inside a segment",
        "{\"respond\": {\"status\": 429}, \"match\": {\"path\": \"/v1.0/us*\"}}");
    badFaults.put(
        "a method with CRLF",
        "{\"respond\": {\"status\": 429}, \"match\": {\"method\": \"GET\\r\\nX: y\"}}");
    badFaults.put(
        "a code of 1,000 characters",
        "{\"respond\": {\"status\": 429, \"code\": \"" + "c".repeat(1_000) + "\"}}");
    badFaults.put("an empty object", "{}");
    badFaults.forEach(
        (name, body) -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          rows.add(
              row(
                  "control: fault with " + name,
                  bytes(
                      post(
                          "/_emulator/faults",
                          crid(),
                          "Content-Type: application/json",
                          "Content-Length: " + bytes.length)),
                  out -> out.write(bytes),
                  400,
                  "BadRequest",
                  true,
                  Map.of()));
        });
    byte[] notUtf8 = {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
    rows.add(
        row(
            "control: fault of invalid UTF-8",
            bytes(post("/_emulator/faults", crid(), "Content-Length: " + notUtf8.length)),
            out -> out.write(notUtf8),
            400,
            "BadRequest",
            true,
            Map.of()));
    rows.add(
        row(
            "control: fault without a body",
            post("/_emulator/faults", crid()),
            400,
            "BadRequest",
            true,
            Map.of()));
    rows.add(
        row(
            "control: fault of 10 MB declared, refused unread",
            bytes(post("/_emulator/faults", crid(), "Content-Length: " + (10 * 1024 * 1024))),
            out -> out.write(new byte[8 * 1024]),
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    rows.add(
        row(
            "control: fault of 10 MB chunked, cut off at the limit",
            bytes(post("/_emulator/faults", crid(), "Transfer-Encoding: chunked")),
            HostileRequestsTest::tenMegabytesChunked,
            413,
            "RequestEntityTooLarge",
            true,
            Map.of()));
    Object[][] table = {
      {"unknown fault id", "DELETE", "/_emulator/faults/nope", 404, "ResourceNotFound"},
      {
        "fault id of 5,000 characters",
        "DELETE",
        "/_emulator/faults/" + "f".repeat(5_000),
        404,
        "ResourceNotFound"
      },
      {"faults with PATCH", "PATCH", "/_emulator/faults", 405, "Request_BadRequest"},
      {"journal with POST", "POST", "/_emulator/requests", 405, "Request_BadRequest"},
      {"journal limit not a number", "GET", "/_emulator/requests?limit=all", 400, "BadRequest"},
      {"journal limit negative", "GET", "/_emulator/requests?limit=-5", 400, "BadRequest"},
      {
        "journal limit of 40 digits",
        "GET",
        "/_emulator/requests?limit=" + "9".repeat(40),
        400,
        "BadRequest"
      },
      {"unknown control segment", "GET", "/_emulator/secrets", 400, "BadRequest"},
      {
        "control root (the console's page) with DELETE",
        "DELETE",
        "/_emulator",
        405,
        "Request_BadRequest"
      },
      {"console file unknown", "GET", "/_emulator/console/secrets.js", 404, "ResourceNotFound"},
      {
        "console file name of 5,000 characters",
        "GET",
        "/_emulator/console/" + "f".repeat(5_000) + ".js",
        404,
        "ResourceNotFound"
      },
      {
        "console file traversal",
        "GET",
        "/_emulator/console/..%2f..%2fpom.xml",
        400,
        "BadRequest",
        false
      },
      {
        "console users top of 40 digits",
        "GET",
        "/_emulator/users?top=" + "9".repeat(40),
        400,
        "BadRequest"
      },
      {"console users skip negative", "GET", "/_emulator/users?skip=-1", 400, "BadRequest"},
      {
        "console devices of an unknown user of 5,000 characters",
        "GET",
        "/_emulator/users/" + "u".repeat(5_000) + "/managedDevices",
        404,
        "ResourceNotFound"
      },
      {"console changes with POST", "POST", "/_emulator/changes", 405, "Request_BadRequest"},
      {"control traversal", "GET", "/_emulator/%2e%2e/v1.0/me", 400, "BadRequest", false}
    };
    for (Object[] r : table) {
      rows.add(
          row(
              "control: " + r[0],
              request((String) r[1], (String) r[2], crid()),
              (Integer) r[3],
              (String) r[4],
              r.length < 6 || (Boolean) r[5],
              Map.of()));
    }
    rows.add(
        row(
            "control: journal with Accept text/html",
            get("/_emulator/requests", crid(), "Accept: text/html"),
            406,
            "NotAcceptable",
            true,
            Map.of()));
  }

  private static String crid() {
    return "client-request-id: " + CRID;
  }

  private static String auth(String authorization) {
    return authorization == null ? null : "Authorization: " + authorization;
  }

  private static String get(String path, String... headers) {
    return request("GET", path, headers);
  }

  private static String post(String path, String... headers) {
    List<String> all = new ArrayList<>(java.util.Arrays.asList(headers));
    if (all.stream()
        .noneMatch(
            h ->
                h != null
                    && (h.startsWith("Content-Length") || h.startsWith("Transfer-Encoding")))) {
      all.add("Content-Length: 0");
    }
    return request("POST", path, all.toArray(String[]::new));
  }

  private static String request(String method, String path, String... headers) {
    StringBuilder head =
        new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      if (header != null) {
        head.append(header).append("\r\n");
      }
    }
    return head.append("Connection: close\r\n\r\n").toString();
  }

  private static byte[] bytes(String head) {
    return head.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static Row row(
      String name,
      String head,
      int status,
      String code,
      boolean echo,
      Map<String, String> headers) {
    return new Row(name, head, out -> {}, status, code, echo, headers);
  }

  private static Row row(
      String name,
      byte[] head,
      RawHttp.BodyWriter body,
      int status,
      String code,
      boolean echo,
      Map<String, String> headers) {
    return new Row(
        name, new String(head, StandardCharsets.ISO_8859_1), body, status, code, echo, headers);
  }

  // ---- building tokens -----------------------------------------------------------------------

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private String custom(Map<String, Object> overrides) {
    Map<String, Object> withOwner = new HashMap<>();
    withOwner.put("oid", OWNER.id());
    withOwner.putAll(overrides);
    String minted = BootstrapTestData.customToken(keys, withOwner);
    return minted;
  }

  private static Map<String, Object> withNull(String claim) {
    Map<String, Object> map = new HashMap<>();
    map.put(claim, null);
    return map;
  }

  private static Map<String, Object> merge(Map<String, Object> first, Map<String, Object> second) {
    Map<String, Object> map = new HashMap<>(first);
    map.putAll(second);
    return map;
  }

  private JWTClaimsSet claims(Instant now, Map<String, Object> extra) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(TokenMinter.GRAPH_AUDIENCE)
            .issuer("https://sts.windows.net/" + TokenMinter.DEMO_TENANT_ID + "/")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .claim("tid", TokenMinter.DEMO_TENANT_ID)
            .claim("oid", OWNER.id())
            .claim("scp", BootstrapTestData.PRIVILEGED + " " + BootstrapTestData.READ_ALL);
    extra.forEach(claims::claim);
    return claims.build();
  }

  private JWSHeader header(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
  }

  private String signed(JWSHeader header, JWTClaimsSet claims) {
    try {
      return sign(header, claims, new RSASSASigner(keys.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static String unsigned(JWTClaimsSet claims) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims.toString()) + ".";
  }

  private String hs256WithPublicKey(Instant now) {
    try {
      byte[] secret = keys.privateKey().toRSAPublicKey().getEncoded();
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.HS256)
              .type(JOSEObjectType.JWT)
              .keyID(keys.keyId())
              .build();
      return sign(header, claims(now, Map.of()), new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private String forged(Instant now) {
    String real = signed(header(keys.keyId()), claims(now, Map.of()));
    String other =
        signed(
            header(keys.keyId()),
            claims(now, Map.of("oid", "00000000-0000-4000-8000-000000000000")));
    // The real token's header and claims with another token's signature.
    return real.substring(0, real.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
  }

  /** 10 MB of blanks in chunks of 16 KB, more than any request body may hold. */
  private static void tenMegabytesChunked(java.io.OutputStream out) throws java.io.IOException {
    byte[] chunk = new byte[16 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    for (int i = 0; i < 640; i++) {
      out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
