package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.TestTime.NOW;
import static org.devicemanagement.adapters.rest.TestTokens.CLIENT_APP_ID;
import static org.devicemanagement.adapters.rest.TestTokens.CONSUMER_TENANT_ID;
import static org.devicemanagement.adapters.rest.TestTokens.SERVICE_PRINCIPAL_ID;
import static org.devicemanagement.adapters.rest.TestTokens.TENANT_ID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.PermissionType;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAccessTokenVerifierTest {

  private final JwtAccessTokenVerifier verifier = TestTokens.verifier();

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String token, String reason) {
    return assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage(reason)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
  }

  @Test
  void givenDelegatedWorkToken_whenVerify_thenDelegatedWorkOrSchoolCallerWithScopes() {
    Caller caller = verifier.verify(TestTokens.delegated().build());

    assertThat(caller.permissionType()).isEqualTo(PermissionType.DELEGATED_WORK_OR_SCHOOL);
    assertThat(caller.tenantId()).isEqualTo(TENANT_ID);
    assertThat(caller.objectId()).contains(ADELE.id());
    assertThat(caller.appId()).contains(CLIENT_APP_ID);
    assertThat(caller.permissions())
        .containsExactlyInAnyOrder(Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL);
  }

  @Test
  void givenPersonalTenantToken_whenVerify_thenDelegatedPersonal() {
    Caller caller = verifier.verify(TestTokens.personal().build());

    assertThat(caller.permissionType()).isEqualTo(PermissionType.DELEGATED_PERSONAL);
    assertThat(caller.tenantId()).isEqualTo(CONSUMER_TENANT_ID);
  }

  @Test
  void givenAppToken_whenVerify_thenApplicationCallerWithRoles() {
    Caller caller =
        verifier.verify(TestTokens.application(Permissions.READ_WRITE_ALL, "Other.Role").build());

    assertThat(caller.permissionType()).isEqualTo(PermissionType.APPLICATION);
    assertThat(caller.permissions())
        .containsExactlyInAnyOrder(Permissions.READ_WRITE_ALL, "Other.Role");
    assertThat(caller.objectId()).contains(SERVICE_PRINCIPAL_ID);
    assertThat(caller.appId()).contains(CLIENT_APP_ID);
  }

  @Test
  void givenAppTokenWithoutRolesButIdtypApp_whenVerify_thenApplicationWithNoPermissions() {
    Caller caller = verifier.verify(TestTokens.application().without("roles").build());

    assertThat(caller.permissionType()).isEqualTo(PermissionType.APPLICATION);
    assertThat(caller.permissions()).isEmpty();
  }

  @Test
  void givenUpnOnlyToken_whenVerify_thenUserPrincipalNameFromUpn() {
    Caller caller = verifier.verify(TestTokens.delegatedByUpn(ADELE.userPrincipalName()).build());

    assertThat(caller.objectId()).isEmpty();
    assertThat(caller.userPrincipalName()).contains(ADELE.userPrincipalName());
  }

  @Test
  void givenOnlyPreferredUsernameAndAzp_whenVerify_thenFallbackClaimsUsed() {
    Caller caller =
        verifier.verify(
            TestTokens.delegated()
                .without("appid")
                .claim("azp", "azp-client")
                .claim("preferred_username", "pu@contoso.com")
                .build());

    assertThat(caller.userPrincipalName()).contains("pu@contoso.com");
    assertThat(caller.appId()).contains("azp-client");
  }

  @Test
  void givenUniqueNameWithoutUpn_whenVerify_thenUserPrincipalNameFromUniqueName() {
    Caller caller =
        verifier.verify(
            TestTokens.delegated()
                .claim("unique_name", "un@contoso.com")
                .claim("preferred_username", "pu@contoso.com")
                .build());

    assertThat(caller.userPrincipalName()).contains("un@contoso.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://graph.microsoft.com",
        "https://graph.microsoft.com/",
        "00000003-0000-0000-c000-000000000000"
      })
  void givenEachGraphAudience_whenVerify_thenAccepted(String audience) {
    assertThat(verifier.verify(TestTokens.delegated().claim("aud", audience).build()).tenantId())
        .isEqualTo(TENANT_ID);
  }

  @Test
  void givenAudienceArrayContainingGraph_whenVerify_thenAccepted() {
    assertThat(
            verifier
                .verify(
                    TestTokens.delegated()
                        .claim("aud", List.of("api://other", "https://graph.microsoft.com"))
                        .build())
                .permissionType())
        .isEqualTo(PermissionType.DELEGATED_WORK_OR_SCHOOL);
  }

  @Test
  void givenV2Issuer_whenVerify_thenAccepted() {
    String token =
        TestTokens.delegated()
            .claim("iss", "https://login.microsoftonline.com/" + TENANT_ID + "/v2.0")
            .claim("ver", "2.0")
            .build();

    assertThat(verifier.verify(token).tenantId()).isEqualTo(TENANT_ID);
  }

  @Test
  void givenTokenWithoutTyp_whenVerify_thenAccepted() {
    assertThat(verifier.verify(TestTokens.typeless(TestTokens.delegated()).build()).objectId())
        .contains(ADELE.id());
  }

  @Test
  void givenTokenExpiredWithinSkew_whenVerify_thenAccepted() {
    assertThat(
            verifier
                .verify(TestTokens.delegated().expiresAt(NOW.minusSeconds(59)).build())
                .objectId())
        .contains(ADELE.id());
  }

  @Test
  void givenExpiredToken_whenVerify_thenRefusedAsExpired() {
    assertRefused(
        TestTokens.delegated().expiresAt(NOW.minusSeconds(61)).build(), "the token has expired");
  }

  @Test
  void givenTokenWithoutExp_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().without("exp").build(), "the token has no expiry time (exp)");
  }

  @Test
  void givenNotBeforeInTheFuture_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().notBefore(NOW.plusSeconds(61)).build(),
        "the token is not valid yet (nbf is in the future)");
  }

  @Test
  void givenNotBeforeWithinSkew_whenVerify_thenAccepted() {
    assertThat(
            verifier
                .verify(TestTokens.delegated().notBefore(NOW.plusSeconds(59)).build())
                .objectId())
        .contains(ADELE.id());
  }

  @Test
  void givenWrongAudience_whenVerify_thenRefusedNamingTheAudience() {
    assertRefused(
        TestTokens.delegated().claim("aud", "api://not-graph").build(),
        "the audience 'api://not-graph' is not Microsoft Graph");
  }

  @Test
  void givenNoAudience_whenVerify_thenRefused() {
    assertRefused(TestTokens.delegated().without("aud").build(), "the token has no audience (aud)");
  }

  @Test
  void givenIssuerOfAnotherTenant_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated()
            .claim("iss", "https://sts.windows.net/11111111-2222-3333-4444-555555555555/")
            .build(),
        "the issuer 'https://sts.windows.net/11111111-2222-3333-4444-555555555555/' is not the"
            + " issuer of the token's tenant");
  }

  @Test
  void givenForeignIssuer_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().claim("iss", "https://evil.example/" + TENANT_ID + "/").build(),
        "the issuer 'https://evil.example/"
            + TENANT_ID
            + "/' is not the issuer of the token's tenant");
  }

  @Test
  void givenNoIssuer_whenVerify_thenRefused() {
    assertRefused(TestTokens.delegated().without("iss").build(), "the token has no issuer (iss)");
  }

  @Test
  void givenMissingTid_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().without("tid").build(), "the token has no tenant id (tid)");
  }

  @Test
  void givenNeitherScpNorRoles_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().without("scp").claim("idtyp", "user").build(),
        "the token has neither scp nor roles");
  }

  @Test
  void givenScpArray_whenVerify_thenRefusedAsWrongType() {
    assertRefused(
        TestTokens.delegated().claim("scp", List.of(Permissions.READ_ALL)).build(),
        "the scp claim is not a space-separated string");
  }

  @Test
  void givenRolesString_whenVerify_thenRefusedAsWrongType() {
    assertRefused(
        TestTokens.application().claim("roles", Permissions.READ_ALL).build(),
        "the roles claim is not an array of strings");
  }

  @Test
  void givenUnsignedAlgNoneToken_whenVerify_thenRefused() {
    assertRefused(TestTokens.delegated().buildUnsigned(), "the token is not signed (alg none)");
  }

  @Test
  void givenHs256Token_whenVerify_thenRefusedNamingTheAlgorithm() {
    assertRefused(
        TestTokens.delegated().algorithm(JWSAlgorithm.HS256).build(),
        "the signing algorithm 'HS256' is not accepted; expected RS256");
  }

  @Test
  void givenRs512Token_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().algorithm(JWSAlgorithm.RS512).build(),
        "the signing algorithm 'RS512' is not accepted; expected RS256");
  }

  @Test
  void givenUnknownKeyId_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().signedWith(TestTokens.UNKNOWN_KEY).build(),
        "the signing key (kid) is not known");
  }

  @Test
  void givenNoKeyId_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().keyId(null).build(),
        "the token does not name its signing key (kid)");
  }

  @Test
  void givenSignatureByAnotherKeyWithTheSameKid_whenVerify_thenSignatureInvalid() {
    assertRefused(
        TestTokens.delegated().signedWith(TestTokens.OTHER_KEY).build(),
        "the signature is invalid");
  }

  @Test
  void givenTamperedPayload_whenVerify_thenSignatureInvalid() {
    assertRefused(TestTokens.delegated().buildWithForeignSignature(), "the signature is invalid");
  }

  @Test
  void givenOtherHeaderType_whenVerify_thenRefused() {
    assertRefused(
        TestTokens.delegated().type(new JOSEObjectType("at+jwt")).build(),
        "the token type 'at+jwt' is not accepted; expected JWT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b", "a.b.c", "....", "eyJhbGciOiJSUzI1NiJ9"})
  void givenGarbage_whenVerify_thenRefusedAsMalformed(String token) {
    assertRefused(token, "the token is not a well-formed JWT");
  }

  @Test
  void givenJwtShapedGarbage_whenVerify_thenRefusedAsMalformed() {
    assertRefused(TestTokens.garbageToken(), "the token is not a well-formed JWT");
  }

  @Test
  void givenHugeToken_whenVerify_thenRefusedWithoutParsing() {
    assertRefused("x".repeat(20_000), "the token is too long");
  }

  @Test
  void givenNonStringOid_whenVerify_thenRefused() {
    assertRefused(TestTokens.delegated().claim("oid", 42).build(), "the oid claim is not a string");
  }

  // ---- claims the JWT library cannot read: hand-built payloads, signed with the trusted key ----

  /** Entra-shaped claims valid at {@link TestTime#NOW}, each value as raw JSON. */
  private static Map<String, String> validClaims() {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("aud", "\"https://graph.microsoft.com\"");
    claims.put("iss", "\"https://sts.windows.net/" + TENANT_ID + "/\"");
    claims.put("tid", "\"" + TENANT_ID + "\"");
    claims.put("oid", "\"" + ADELE.id() + "\"");
    claims.put("scp", "\"" + Permissions.READ_ALL + "\"");
    claims.put("idtyp", "\"user\"");
    claims.put("iat", Long.toString(NOW.getEpochSecond() - 60));
    claims.put("nbf", Long.toString(NOW.getEpochSecond() - 60));
    claims.put("exp", Long.toString(NOW.getEpochSecond() + 3600));
    return claims;
  }

  /** The valid claims with {@code name} set to {@code rawValue} (raw JSON), as a JSON object. */
  private static String claimsJsonWith(String name, String rawValue) {
    Map<String, String> claims = validClaims();
    claims.put(name, rawValue);
    return claims.entrySet().stream()
        .map(claim -> "\"" + claim.getKey() + "\":" + claim.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String validClaimsJson() {
    return claimsJsonWith("ver", "\"1.0\"");
  }

  /** The valid claims preceded by {@code rawMember}, which may repeat one of them. */
  private static String validClaimsJsonAfter(String rawMember) {
    return "{" + rawMember + "," + validClaimsJson().substring(1);
  }

  /** A token of exactly {@code payload}, signed by {@code key} under the trusted key id. */
  private static String signedPayload(String payload, RSAKey key) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(TestTokens.KEY_ID)
                  .type(JOSEObjectType.JWT)
                  .build(),
              new Payload(payload));
      jws.sign(new RSASSASigner(key));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signedPayload(String payload) {
    return signedPayload(payload, TestTokens.SIGNING_KEY);
  }

  @Test
  void givenHandBuiltValidPayload_whenVerify_thenAccepted() {
    assertThat(verifier.verify(signedPayload(validClaimsJson())).objectId()).contains(ADELE.id());
  }

  @Test
  void givenStringExp_whenVerify_thenRefusedAsNotANumber() {
    assertRefused(
        signedPayload(claimsJsonWith("exp", "\"9999999999\"")), "the exp claim is not a number");
  }

  @Test
  void givenStringExp_whenVerifyWithCache_thenRefusedAsNotANumber() {
    JwtAccessTokenVerifier caching = TestTokens.cachingVerifier(TestTime.CLOCK, 8);

    assertThatThrownBy(() -> caching.verify(signedPayload(claimsJsonWith("exp", "\"9999999999\""))))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the exp claim is not a number");
    assertThat(caching.cachedTokens()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "nbf | \"1\"       | the nbf claim is not a number",
        "iat | true      | the iat claim is not a number",
        "iss | 42        | the iss claim is not a string",
        "sub | [\"a\"]     | the sub claim is not a string",
        "jti | {}        | the jti claim is not a string",
        "aud | 42        | the aud claim is not a string or an array of strings",
        "aud | [\"a\", 1]  | the aud claim is not a string or an array of strings"
      })
  void givenRegisteredClaimOfWrongType_whenVerify_thenRefusedNamingTheClaim(
      String name, String rawValue, String reason) {
    assertRefused(signedPayload(claimsJsonWith(name, rawValue)), reason);
  }

  @Test
  void givenDuplicateClaim_whenVerify_thenRefusedNamingTheDuplicate() {
    String payload = validClaimsJsonAfter("\"exp\":" + (NOW.getEpochSecond() + 60));

    assertRefused(
        signedPayload(payload), "the token's claims are not valid JSON: duplicate claim 'exp'");
  }

  @Test
  void givenDuplicateInsideAClaim_whenVerify_thenAcceptedAsTheLibraryKeepsTheLast() {
    String payload = validClaimsJsonAfter("\"cnf\":{\"k\":1,\"k\":2}");

    assertThat(verifier.verify(signedPayload(payload)).objectId()).contains(ADELE.id());
  }

  @Test
  void givenDuplicateClaimSignedByAnotherKey_whenVerify_thenSignatureInvalid() {
    String payload = validClaimsJsonAfter("\"exp\":1");

    assertRefused(signedPayload(payload, TestTokens.OTHER_KEY), "the signature is invalid");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[1, 2]             | the token's claims are not a JSON object",
        "\"claims\"           | the token's claims are not a JSON object",
        "not json           | the token's claims are not valid JSON",
        "{\"exp\": 1          | the token's claims are not valid JSON",
        "{\"a\": 1} {\"b\": 2}  | the token's claims are not valid JSON: there is more after the claims object"
      })
  void givenPayloadThatIsNoClaimsObject_whenVerify_thenRefusedSayingWhy(
      String payload, String reason) {
    assertRefused(signedPayload(payload), reason);
  }

  @Test
  void givenDuplicateClaimWithControlCharacters_whenVerify_thenNameShownSafely() {
    String payload = validClaimsJsonAfter("\"a\\nb\":1,\"a\\nb\":2");

    assertRefused(
        signedPayload(payload), "the token's claims are not valid JSON: duplicate claim 'a?b'");
  }

  @Test
  void givenScopeSpelledWithLookAlikeLetters_whenVerifiedAndAuthorized_thenMissingPermission() {
    // U+0131 (dotless i) in "Privileged": String.equalsIgnoreCase folds it into an i.
    String lookAlike = "DeviceManagementManagedDevices.Pr\u0131vilegedOperations.All";
    Caller caller = verifier.verify(TestTokens.delegated().claim("scp", lookAlike).build());

    assertThat(caller.permissions()).containsExactly(lookAlike);
    assertThatThrownBy(
            () ->
                new PermissionPolicy(PermissionCatalog.seed())
                    .authorize(caller, Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT))
        .isInstanceOf(MissingPermissionException.class);
  }

  @Test
  void givenPrivateJwkSet_whenVerify_thenStillVerifiesWithThePublicHalf() {
    JwtAccessTokenVerifier fromPrivate =
        new JwtAccessTokenVerifier(
            new com.nimbusds.jose.jwk.JWKSet(TestTokens.SIGNING_KEY), TestTime.CLOCK);

    assertThat(fromPrivate.verify(TestTokens.delegated().build()).objectId())
        .isEqualTo(Optional.of(ADELE.id()));
  }
}
