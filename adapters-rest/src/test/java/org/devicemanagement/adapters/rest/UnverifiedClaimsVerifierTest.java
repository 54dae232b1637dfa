package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.TestTime.CLOCK;
import static org.devicemanagement.adapters.rest.TestTime.NOW;

import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.devicemanagement.adapters.rest.auth.UnverifiedClaimsVerifier;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionType;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;

/** The gateway's verifier: every check but the signature, which Microsoft Graph makes. */
class UnverifiedClaimsVerifierTest {

  private final UnverifiedClaimsVerifier verifier = new UnverifiedClaimsVerifier(CLOCK);

  @Test
  void givenTokenSignedByUnknownKey_whenVerified_thenCallerReadFromClaims() {
    String token =
        TestTokens.delegated().signedWith(TestTokens.UNKNOWN_KEY).keyId("graph-key").build();

    Caller caller = verifier.verify(token);

    assertThat(caller.permissionType()).isEqualTo(PermissionType.DELEGATED_WORK_OR_SCHOOL);
    assertThat(caller.objectId()).contains(ADELE.id());
    assertThat(caller.permissions()).contains(Permissions.PRIVILEGED_OPERATIONS_ALL);
  }

  @Test
  void givenForeignSignature_whenVerified_thenStillAcceptedAsGraphIsTheAuthority() {
    assertThat(verifier.verify(TestTokens.delegated().buildWithForeignSignature()).tenantId())
        .isEqualTo(TestTokens.TENANT_ID);
  }

  @Test
  void givenUnsignedToken_whenVerified_thenRefused() {
    assertThatThrownBy(() -> verifier.verify(TestTokens.delegated().buildUnsigned()))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("alg none");
  }

  @Test
  void givenExpiredToken_whenVerified_thenRefused() {
    String token = TestTokens.delegated().expiresAt(NOW.minusSeconds(120)).build();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void givenTokenNotYetValid_whenVerified_thenRefused() {
    String token = TestTokens.delegated().notBefore(NOW.plusSeconds(600)).build();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("not valid yet");
  }

  @Test
  void givenOtherAudience_whenVerified_thenRefused() {
    String token = TestTokens.delegated().claim("aud", "api://someone-else").build();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("audience");
  }

  @Test
  void givenIssuerOfAnotherTenant_whenVerified_thenRefused() {
    String token =
        TestTokens.delegated()
            .claim("iss", "https://sts.windows.net/11111111-1111-1111-1111-111111111111/")
            .build();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void givenNoTenant_whenVerified_thenRefused() {
    String token = TestTokens.delegated().without("tid").build();

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("tid");
  }

  @Test
  void givenGarbage_whenVerified_thenRefusedAsMalformed() {
    assertThatThrownBy(() -> verifier.verify(TestTokens.garbageToken()))
        .isInstanceOf(InvalidAccessTokenException.class);
    assertThatThrownBy(() -> verifier.verify("x".repeat(20_000)))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessageContaining("too long");
  }

  @Test
  void givenStringExpiry_whenVerified_thenRefusedNamingTheClaim() throws Exception {
    String payload =
        ("{\"aud\":\"https://graph.microsoft.com\",\"iss\":\"https://sts.windows.net/%s/\","
                + "\"tid\":\"%s\",\"scp\":\"User.Read\",\"exp\":\"9999999999\"}")
            .formatted(TestTokens.TENANT_ID, TestTokens.TENANT_ID);
    com.nimbusds.jose.JWSObject token =
        new com.nimbusds.jose.JWSObject(
            new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
            new com.nimbusds.jose.Payload(payload));
    token.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestTokens.UNKNOWN_KEY));

    assertThatThrownBy(() -> verifier.verify(token.serialize()))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the exp claim is not a number");
  }

  @Test
  void givenVerifier_whenDescribed_thenSaysSignaturesAreNotVerified() {
    assertThat(verifier.toString()).contains("NOT verified");
  }
}
