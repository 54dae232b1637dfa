package org.devicemanagement.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.junit.jupiter.api.Test;

class TokenMinterTest {

  private static final RSAKey KEY = BootstrapTestData.newRsaKey();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final TokenMinter minter = new TokenMinter(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givenUserPrincipalName_whenMintDelegated_thenEntraV1ClaimsWithUpnAndUniqueName()
      throws Exception {
    SignedJWT jwt = SignedJWT.parse(minter.mint(TokenRequest.delegated("adele@contoso.com")));
    JWTClaimsSet claims = jwt.getJWTClaimsSet();

    assertThat(jwt.verify(new RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEY.getKeyID());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
    assertThat(claims.getIssuer())
        .isEqualTo("https://sts.windows.net/" + TokenMinter.DEMO_TENANT_ID + "/");
    assertThat(claims.getStringClaim("ver")).isEqualTo("1.0");
    assertThat(claims.getStringClaim("tid")).isEqualTo(TokenMinter.DEMO_TENANT_ID);
    assertThat(claims.getStringClaim("appid")).isEqualTo(TokenMinter.CLI_APP_ID);
    assertThat(claims.getStringClaim("app_displayname")).isEqualTo("device-management cli");
    assertThat(claims.getStringClaim("idtyp")).isEqualTo("user");
    assertThat(claims.getStringClaim("scp"))
        .isEqualTo(
            "DeviceManagementManagedDevices.PrivilegedOperations.All"
                + " DeviceManagementManagedDevices.Read.All");
    assertThat(claims.getStringClaim("upn")).isEqualTo("adele@contoso.com");
    assertThat(claims.getStringClaim("unique_name")).isEqualTo("adele@contoso.com");
    assertThat(claims.getClaim("oid")).isNull();
    assertThat(claims.getSubject()).isNotBlank();
    assertThat(claims.getStringClaim("uti")).isNotBlank();
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void givenObjectId_whenMintDelegated_thenOidAndSubAndNoUpn() throws Exception {
    JWTClaimsSet claims =
        BootstrapTestData.claims(
            minter.mint(TokenRequest.delegated("6E1D3B7A-4F2C-4B8E-9A51-2C7D8E0F1A23")));

    assertThat(claims.getStringClaim("oid")).isEqualTo("6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23");
    assertThat(claims.getSubject()).isEqualTo("6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23");
    assertThat(claims.getClaim("upn")).isNull();
    assertThat(claims.getClaim("unique_name")).isNull();
  }

  @Test
  void givenPersonalType_whenMint_thenConsumerTenantAndIssuer() throws Exception {
    JWTClaimsSet claims =
        BootstrapTestData.claims(
            minter.mint(TokenRequest.of(TokenType.PERSONAL, "someone@outlook.com")));

    assertThat(claims.getStringClaim("tid")).isEqualTo(TokenMinter.CONSUMER_TENANT_ID);
    assertThat(claims.getIssuer())
        .isEqualTo("https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/");
    assertThat(claims.getStringClaim("scp")).contains("PrivilegedOperations.All");
    assertThat(claims.getStringClaim("idtyp")).isEqualTo("user");
  }

  @Test
  void givenApplicationType_whenMint_thenRolesArrayServicePrincipalAndNoScp() throws Exception {
    JWTClaimsSet claims =
        BootstrapTestData.claims(
            minter.mint(
                TokenRequest.application()
                    .withPermissions(List.of("DeviceManagementManagedDevices.Read.All", "X.Y"))));

    assertThat(claims.getStringListClaim("roles"))
        .containsExactly("DeviceManagementManagedDevices.Read.All", "X.Y");
    assertThat(claims.getClaim("scp")).isNull();
    assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
    assertThat(claims.getStringClaim("oid")).isEqualTo(TokenMinter.CLI_SERVICE_PRINCIPAL_ID);
    assertThat(claims.getSubject()).isEqualTo(TokenMinter.CLI_SERVICE_PRINCIPAL_ID);
    assertThat(claims.getStringClaim("tid")).isEqualTo(TokenMinter.DEMO_TENANT_ID);
    assertThat(claims.getClaim("upn")).isNull();
  }

  @Test
  void givenApplicationTypeWithoutPermissions_whenMint_thenEmptyRolesArray() throws Exception {
    JWTClaimsSet claims =
        BootstrapTestData.claims(
            minter.mint(TokenRequest.application().withPermissions(List.of())));

    assertThat(claims.getStringListClaim("roles")).isEmpty();
  }

  @Test
  void givenNegativeLifetime_whenMint_thenExpiredAndIssuedEarlierStill() throws ParseException {
    JWTClaimsSet claims =
        BootstrapTestData.claims(
            minter.mint(
                TokenRequest.delegated("adele@contoso.com").withLifetime(Duration.ofMinutes(-2))));

    Instant expires = claims.getExpirationTime().toInstant();
    assertThat(expires).isEqualTo(NOW.minusSeconds(120));
    assertThat(claims.getNotBeforeTime().toInstant()).isBefore(expires);
    assertThat(claims.getIssueTime().toInstant()).isBefore(expires);
  }

  @Test
  void givenTwoMints_whenCompared_thenUniqueTokenIdsDiffer() throws ParseException {
    String first = minter.mint(TokenRequest.delegated("adele@contoso.com"));
    String second = minter.mint(TokenRequest.delegated("adele@contoso.com"));

    assertThat(BootstrapTestData.claims(first).getStringClaim("uti"))
        .isNotEqualTo(BootstrapTestData.claims(second).getStringClaim("uti"));
  }

  @Test
  void givenDelegatedTypeWithoutUser_whenRequest_thenRejected() {
    assertThatThrownBy(
            () ->
                new TokenRequest(
                    TokenType.DELEGATED, Optional.empty(), List.of("A.B"), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a user");
  }

  @Test
  void givenUserThatIsNeitherGuidNorUpn_whenRequest_thenRejectedNamingTheUser() {
    assertThatThrownBy(() -> TokenRequest.delegated("adele"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'adele'")
        .hasMessageContaining("GUID");
  }

  @Test
  void givenPublicKeyOnly_whenCreatingMinter_thenRejected() throws JOSEException {
    RSAKey publicOnly = KEY.toPublicJWK();

    assertThatThrownBy(() -> new TokenMinter(publicOnly, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not private");
  }
}
