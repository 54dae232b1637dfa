package org.devicemanagement.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints access tokens shaped like the Entra v1 tokens Microsoft Graph receives, signed with the
 * server's own key: delegated (work or school), personal (consumer tenant) and application tokens.
 */
public final class TokenMinter {

  /** The Entra tenant of the embedded demo. */
  public static final String DEMO_TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";

  /** The tenant of personal Microsoft accounts. */
  public static final String CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

  /** The client id the minted tokens name as the calling application. */
  public static final String CLI_APP_ID = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182";

  /** The display name of that client. */
  public static final String CLI_APP_DISPLAY_NAME = "device-management cli";

  /** The object id of the CLI application's service principal, the subject of app tokens. */
  public static final String CLI_SERVICE_PRINCIPAL_ID = "6a1d4f3e-2b5c-4d7e-8f90-a1b2c3d4e5f6";

  /** The audience of Microsoft Graph. */
  public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

  private final RSAKey signingKey;
  private final Clock clock;
  private final String workTenantId;
  private final SecureRandom random = new SecureRandom();

  /**
   * A minter signing with {@code signingKey}, dating tokens by {@code clock}, for the demo tenant.
   */
  public TokenMinter(RSAKey signingKey, Clock clock) {
    this(signingKey, clock, DEMO_TENANT_ID);
  }

  /** A minter whose work-or-school and application tokens belong to {@code workTenantId}. */
  public TokenMinter(RSAKey signingKey, Clock clock, String workTenantId) {
    this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workTenantId = Objects.requireNonNull(workTenantId, "workTenantId");
    if (!signingKey.isPrivate()) {
      throw new IllegalArgumentException("signing key %s is not private".formatted(keyId()));
    }
  }

  /** The compact serialization of a freshly signed token as {@code request} describes it. */
  public String mint(TokenRequest request) {
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    Instant expires = now.plus(request.lifetime());
    // An already expired token is also issued before it expired, as a real stale token would be.
    Instant issued = request.lifetime().isNegative() ? expires.minus(Duration.ofHours(1)) : now;
    String tenantId = request.type() == TokenType.PERSONAL ? CONSUMER_TENANT_ID : workTenantId;
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(GRAPH_AUDIENCE)
            .issuer("https://sts.windows.net/" + tenantId + "/")
            .issueTime(Date.from(issued))
            .notBeforeTime(Date.from(issued))
            .expirationTime(Date.from(expires))
            .claim("ver", "1.0")
            .claim("tid", tenantId)
            .claim("uti", uniqueTokenId())
            .claim("appid", CLI_APP_ID)
            .claim("app_displayname", CLI_APP_DISPLAY_NAME);
    if (request.type().isDelegated()) {
      String user = request.user().orElseThrow();
      claims.claim("scp", String.join(" ", request.permissions())).claim("idtyp", "user");
      if (TokenRequest.isObjectId(user)) {
        String objectId = user.toLowerCase(Locale.ROOT);
        claims.claim("oid", objectId).subject(objectId);
      } else {
        claims.claim("upn", user).claim("unique_name", user).subject(pairwiseSubject(user));
      }
    } else {
      claims
          .claim("roles", request.permissions())
          .claim("idtyp", "app")
          .claim("oid", CLI_SERVICE_PRINCIPAL_ID)
          .subject(CLI_SERVICE_PRINCIPAL_ID);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keyId())
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token with key " + keyId(), e);
    }
    return jwt.serialize();
  }

  private String keyId() {
    String kid = signingKey.getKeyID();
    return kid == null ? "" : kid;
  }

  private String uniqueTokenId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Entra's {@code sub} is stable per user and app; derive one from the sign-in name. */
  private static String pairwiseSubject(String userPrincipalName) {
    return UUID.nameUUIDFromBytes(
            (CLI_APP_ID + "/" + userPrincipalName.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
