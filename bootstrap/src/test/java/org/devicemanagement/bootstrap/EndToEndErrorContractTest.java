package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.CLIENT_REQUEST_ID;
import static org.devicemanagement.bootstrap.BootstrapTestData.UNKNOWN_USER_ID;
import static org.devicemanagement.bootstrap.GraphErrorAssertions.assertGraphError;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of graph-contract.md's error table, through the real server. */
class EndToEndErrorContractTest {

  private static final String RETIRE_ADELE =
      "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement";

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private URI base;
  private String token;

  @BeforeEach
  void start() {
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir));
    base = server.baseUri();
    token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void givenNoToken_whenRetireAll_then401AccessTokenIsEmpty() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, null)
                .header("client-request-id", CLIENT_REQUEST_ID)
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", CLIENT_REQUEST_ID))
        .isEqualTo("Access token is empty.");
  }

  @Test
  void givenEmptyBearerToken_whenRetireAll_then401AccessTokenIsEmpty() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, null)
                .header("Authorization", "Bearer ")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .isEqualTo("Access token is empty.");
  }

  @Test
  void givenMalformedToken_whenRetireAll_then401ValidationFailureNotEchoingTheToken() {
    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, "abc.def-ghi"));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .startsWith("Access token validation failure.")
        .doesNotContain("abc.def-ghi");
  }

  @Test
  void givenTokenSignedByAnotherKey_whenRetireAll_then401ValidationFailure() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.post(
                base, RETIRE_ADELE, BootstrapTestData.tokenSignedByAnotherKey(ADELE_UPN)));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .startsWith("Access token validation failure.")
        .containsIgnoringCase("key");
  }

  @Test
  void givenServersKeyIdButForgedSignature_whenRetireAll_then401SignatureInvalid()
      throws Exception {
    SignedJWT genuine = SignedJWT.parse(token);
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(server.signingKeys().orElseThrow().keyId())
                .build(),
            genuine.getJWTClaimsSet());
    forged.sign(new RSASSASigner(BootstrapTestData.newRsaKey()));

    HttpResponse<String> response =
        send(BootstrapTestData.post(base, RETIRE_ADELE, forged.serialize()));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .startsWith("Access token validation failure.")
        .containsIgnoringCase("signature");
  }

  @Test
  void givenWrongAudience_whenRetireAll_then401SaysAudience() {
    String wrongAudience =
        BootstrapTestData.customToken(
            server.signingKeys().orElseThrow(), Map.of("aud", "api://some-other-api"));

    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, wrongAudience));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .startsWith("Access token validation failure.")
        .containsIgnoringCase("audience");
  }

  @Test
  void givenExpiredToken_whenRetireAll_then401SaysExpired() {
    String expired =
        BootstrapTestData.expiredToken(
            server.signingKeys().orElseThrow(), ADELE_UPN, Duration.ofMinutes(5));

    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, expired));

    assertThat(assertGraphError(response, 401, "InvalidAuthenticationToken", null))
        .startsWith("Access token validation failure.")
        .containsIgnoringCase("expired");
  }

  @Test
  void givenApplicationTokenUnderSeedTable_whenRetireAll_then403NamingAcceptedTypes() {
    String app =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.APPLICATION,
            "",
            BootstrapTestData.PRIVILEGED);

    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, app));

    assertThat(assertGraphError(response, 403, "Forbidden", null))
        .contains("Application")
        .contains("Delegated (work or school account)")
        .contains(BootstrapTestData.PRIVILEGED);
  }

  @Test
  void givenDelegatedTokenWithoutPrivilegedScope_whenRetireAll_then403NamingTheScope() {
    String readOnly =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.DELEGATED,
            ADELE_UPN,
            BootstrapTestData.READ_ALL);

    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, readOnly));

    assertThat(assertGraphError(response, 403, "Forbidden", null))
        .contains("Delegated (work or school account)")
        .contains(BootstrapTestData.PRIVILEGED);
  }

  @Test
  void givenPersonalAccount_whenRetireAll_then403PermissionTypeNotSupported() {
    String personal =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.PERSONAL,
            "someone@outlook.com",
            BootstrapTestData.PRIVILEGED);

    HttpResponse<String> response = send(BootstrapTestData.post(base, RETIRE_ADELE, personal));

    assertThat(assertGraphError(response, 403, "Forbidden", null))
        .contains("Delegated (personal Microsoft account)")
        .contains("not supported");
  }

  @Test
  void givenUnknownUser_whenRetireAll_then404RequestResourceNotFound() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.post(
                base, "v1.0/users/" + UNKNOWN_USER_ID + "/removeAllDevicesFromManagement", token));

    assertThat(assertGraphError(response, 404, "Request_ResourceNotFound", null))
        .isEqualTo(
            "Resource '"
                + UNKNOWN_USER_ID
                + "' does not exist or one of its queried reference-property objects are not"
                + " present.");
  }

  @Test
  void givenUnknownDevice_whenGetDevice_then404ResourceNotFound() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.get(
                base, "v1.0/deviceManagement/managedDevices/" + UNKNOWN_USER_ID, token));

    assertThat(assertGraphError(response, 404, "ResourceNotFound", null))
        .startsWith("Resource '" + UNKNOWN_USER_ID + "' does not exist");
  }

  @Test
  void givenGet_whenOnTheAction_then405WithAllowPost() {
    HttpResponse<String> response = send(BootstrapTestData.get(base, RETIRE_ADELE, token));

    assertThat(assertGraphError(response, 405, "Request_BadRequest", null))
        .isEqualTo("Specified HTTP method is not allowed for the request target.");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void givenRequestBody_whenRetireAll_then400SaysNoBody() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"keepUserData\": true}")));

    assertThat(assertGraphError(response, 400, "BadRequest", null))
        .contains("removeAllDevicesFromManagement")
        .containsIgnoringCase("body");
  }

  @Test
  void givenEmptyJsonObjectBody_whenRetireAll_then204Tolerated() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{ }")));

    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void givenUnknownSegment_whenPost_then400NamingTheSegment() {
    HttpResponse<String> response =
        send(BootstrapTestData.post(base, "v1.0/users/" + ADELE_UPN + "/removeAllDevices", token));

    assertThat(assertGraphError(response, 400, "BadRequest", null))
        .isEqualTo("Resource not found for the segment 'removeAllDevices'.");
  }

  @Test
  void givenUnknownTopLevelSegment_whenGet_then400NamingTheSegment() {
    HttpResponse<String> response = send(BootstrapTestData.get(base, "v1.0/gadgets", token));

    assertThat(assertGraphError(response, 400, "BadRequest", null))
        .isEqualTo("Resource not found for the segment 'gadgets'.");
  }

  @Test
  void givenAcceptExcludingJson_whenRetireAll_then406NotAcceptable() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, token)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertGraphError(response, 406, "NotAcceptable", null);
  }

  @Test
  void givenApplicationTokenOnMe_whenRetireAll_then400DelegatedOnly() {
    String app =
        BootstrapTestData.token(
            server.signingKeys().orElseThrow(),
            TokenType.APPLICATION,
            "",
            BootstrapTestData.PRIVILEGED);

    HttpResponse<String> response =
        send(BootstrapTestData.post(base, "v1.0/me/removeAllDevicesFromManagement", app));

    assertThat(assertGraphError(response, 400, "BadRequest", null))
        .isEqualTo("/me request is only valid with delegated authentication flow.");
  }

  @Test
  void givenUnexpectedFailure_whenRetireAll_then500GeneralExceptionWithoutInternals(
      @TempDir Path otherDir) {
    InMemoryTenant tenant = TenantFile.demo();
    DeviceRetirement broken = new BrokenDevices();
    try (DeviceManagementServer failing =
        DeviceManagementServer.start(
            BootstrapTestData.settings(otherDir, tenant),
            binder -> binder.bind(DeviceRetirement.class).toInstance(broken))) {
      String adele =
          BootstrapTestData.delegatedToken(failing.signingKeys().orElseThrow(), ADELE_UPN);

      HttpResponse<String> response =
          send(BootstrapTestData.post(failing.baseUri(), RETIRE_ADELE, adele));

      String message = assertGraphError(response, 500, "generalException", null);
      assertThat(message)
          .isEqualTo(
              "An unexpected error occurred. Request id: "
                  + response.headers().firstValue("request-id").orElseThrow());
      assertThat(response.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }
  }

  @Test
  void givenClientRequestIdThatIsNotAnId_whenFailing_thenClientRequestIdIsTheRequestId() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, null)
                .header("client-request-id", "<script>alert(1)</script>")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertGraphError(response, 401, "InvalidAuthenticationToken", null);
  }

  @Test
  void givenSuccess_whenRetireAll_thenIdHeadersToo() {
    HttpResponse<String> response =
        send(
            BootstrapTestData.request(base, RETIRE_ADELE, token)
                .header("client-request-id", CLIENT_REQUEST_ID)
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("request-id")).isPresent();
    assertThat(response.headers().firstValue("client-request-id")).contains(CLIENT_REQUEST_ID);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return BootstrapTestData.send(request.build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    return BootstrapTestData.send(request);
  }

  /** Fails every retire-all the way a bug would, with internals in the message. */
  private static final class BrokenDevices implements DeviceRetirement {
    @Override
    public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
      throw new IllegalStateException("database password is hunter2");
    }
  }
}
