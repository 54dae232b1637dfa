package org.devicemanagement.adapters.rest.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEProcessor;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionType;
import org.jspecify.annotations.Nullable;

/**
 * Verifies Entra-shaped RS256 access tokens signed by one of the given keys, checks their audience
 * (Microsoft Graph), issuer (the token's own tenant), lifetime (60 s skew) and tells delegated,
 * personal and application callers apart.
 *
 * <p>Optionally it remembers tokens that passed (see {@link #JwtAccessTokenVerifier(JWKSet, Clock,
 * int)}), so that a client repeating its token is not verified in full each time.
 */
public final class JwtAccessTokenVerifier implements AccessTokenVerifier {

  /** The tenant id of personal Microsoft accounts. */
  public static final String CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

  /** The clock skew tolerated on {@code exp} and {@code nbf}. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final Set<String> GRAPH_AUDIENCES =
      Set.of(
          "https://graph.microsoft.com",
          "https://graph.microsoft.com/",
          "00000003-0000-0000-c000-000000000000");

  // Far above any real Entra token; bounds the work done on hostile input.
  static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final int MAX_SHOWN_CLAIM_LENGTH = 100;

  /** A cache size for servers: a few MB at most, far more live tokens than a test suite uses. */
  public static final int DEFAULT_CACHE_SIZE = 4096;

  private final JWKSet publicKeys;
  private final Clock clock;
  private final DefaultJOSEProcessor<SecurityContext> processor;
  private final @Nullable VerifiedTokenCache cache;

  /**
   * A verifier trusting tokens signed by {@code publicKeys}, judging lifetimes by {@code clock}.
   */
  public JwtAccessTokenVerifier(JWKSet publicKeys, Clock clock) {
    this(publicKeys, clock, 0);
  }

  /**
   * A verifier like {@link #JwtAccessTokenVerifier(JWKSet, Clock)} that also remembers up to {@code
   * cacheSize} accepted tokens (0: none) by their exact text. A remembered token is accepted again
   * without the signature check only while its own {@code nbf}..{@code exp} window (with the skew)
   * holds; rejected tokens are never remembered, and the keys of a verifier never change.
   */
  public JwtAccessTokenVerifier(JWKSet publicKeys, Clock clock, int cacheSize) {
    if (cacheSize < 0) {
      throw new IllegalArgumentException(
          "cacheSize must not be negative, was %d".formatted(cacheSize));
    }
    this.cache = cacheSize == 0 ? null : new VerifiedTokenCache(cacheSize);
    // Only the public halves are ever needed, even if the caller hands over the signing key.
    this.publicKeys = Objects.requireNonNull(publicKeys, "publicKeys").toPublicJWKSet();
    this.clock = Objects.requireNonNull(clock, "clock");
    // A JOSE processor, not a JWT one, checks only the signature: the claims are read and checked
    // below, so that each failure has a precise reason.
    this.processor = new DefaultJOSEProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(this.publicKeys)));
    // The header type is checked below too.
    processor.setJWSTypeVerifier((type, context) -> {});
  }

  @Override
  public Caller verify(String bearerToken) {
    Objects.requireNonNull(bearerToken, "bearerToken");
    VerifiedTokenCache verified = cache;
    if (verified == null) {
      return verifyInFull(bearerToken);
    }
    Instant now = clock.instant();
    Optional<Caller> remembered = verified.get(bearerToken, now);
    if (remembered.isPresent()) {
      return remembered.get();
    }
    SignedJWT jwt = parseSigned(bearerToken);
    JWTClaimsSet claims = verifiedClaims(jwt);
    Caller caller = callerOf(claims);
    Date expiry = Objects.requireNonNull(dateClaim(claims, "exp"), "exp was checked");
    Date notBefore = dateClaim(claims, "nbf");
    verified.put(
        bearerToken,
        caller,
        notBefore == null ? Instant.MIN : notBefore.toInstant().minus(CLOCK_SKEW),
        expiry.toInstant().plus(CLOCK_SKEW),
        now);
    return caller;
  }

  /** The number of tokens remembered as verified (always 0 without a cache); for monitoring. */
  public int cachedTokens() {
    VerifiedTokenCache verified = cache;
    return verified == null ? 0 : verified.size();
  }

  private Caller verifyInFull(String bearerToken) {
    return callerOf(verifiedClaims(parseSigned(bearerToken)));
  }

  /** The claims of {@code jwt} once its header and signature are checked. */
  private JWTClaimsSet verifiedClaims(SignedJWT jwt) {
    checkHeader(jwt.getHeader());
    // The claims are read before the signature is checked, as the library's JWT processor reads
    // them (the start's warm-up relies on that), but a problem with them is told only once the
    // signature holds: a forged token is refused as forged, whatever its claims.
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      verifySignature(jwt);
      throw ClaimsProblem.refusal(jwt.getPayload().toString(), e);
    }
    verifySignature(jwt);
    return claims;
  }

  /** The caller {@code claims} describe, once their lifetime, audience and issuer are checked. */
  private Caller callerOf(JWTClaimsSet claims) {
    checkLifetime(claims, clock.instant());
    checkAudience(claims);
    String tenantId =
        stringClaim(claims, "tid")
            .filter(t -> !t.isBlank())
            .orElseThrow(() -> new InvalidAccessTokenException("the token has no tenant id (tid)"));
    checkIssuer(claims, tenantId);
    return classify(claims, tenantId);
  }

  /** Parses {@code token} as a signed JWT (any algorithm), or says why it is not one. */
  static SignedJWT parseSigned(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidAccessTokenException("the token is too long");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidAccessTokenException("the token is not a well-formed JWT", e);
    }
    if (jwt instanceof PlainJWT) {
      throw new InvalidAccessTokenException("the token is not signed (alg none)");
    }
    if (jwt instanceof EncryptedJWT) {
      throw new InvalidAccessTokenException("encrypted tokens are not accepted");
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    throw new InvalidAccessTokenException("the token is not a signed JWT");
  }

  private void checkHeader(JWSHeader header) {
    JWSAlgorithm algorithm = header.getAlgorithm();
    if (!JWSAlgorithm.RS256.equals(algorithm)) {
      throw new InvalidAccessTokenException(
          "the signing algorithm '%s' is not accepted; expected RS256"
              .formatted(shown(String.valueOf(algorithm))));
    }
    JOSEObjectType type = header.getType();
    if (type != null && !type.getType().equalsIgnoreCase(JOSEObjectType.JWT.getType())) {
      throw new InvalidAccessTokenException(
          "the token type '%s' is not accepted; expected JWT".formatted(shown(type.getType())));
    }
    String keyId = header.getKeyID();
    if (keyId == null || keyId.isBlank()) {
      throw new InvalidAccessTokenException("the token does not name its signing key (kid)");
    }
    if (publicKeys.getKeyByKeyId(keyId) == null) {
      throw new InvalidAccessTokenException("the signing key (kid) is not known");
    }
  }

  private void verifySignature(SignedJWT jwt) {
    try {
      processor.process(jwt, null);
    } catch (BadJWSException e) {
      throw new InvalidAccessTokenException("the signature is invalid", e);
    } catch (BadJOSEException e) {
      throw new InvalidAccessTokenException("the token was rejected by the signature check", e);
    } catch (JOSEException | RuntimeException e) {
      throw new InvalidAccessTokenException("the signature could not be verified", e);
    }
  }

  /** Checks {@code exp} (required) and {@code nbf} against {@code now}, with the clock skew. */
  static void checkLifetime(JWTClaimsSet claims, Instant now) {
    Date expiry = dateClaim(claims, "exp");
    if (expiry == null) {
      throw new InvalidAccessTokenException("the token has no expiry time (exp)");
    }
    if (now.isAfter(expiry.toInstant().plus(CLOCK_SKEW))) {
      throw new InvalidAccessTokenException("the token has expired");
    }
    Date notBefore = dateClaim(claims, "nbf");
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
      throw new InvalidAccessTokenException("the token is not valid yet (nbf is in the future)");
    }
  }

  static void checkAudience(JWTClaimsSet claims) {
    Object audience = claims.getClaim("aud");
    if (audience == null) {
      throw new InvalidAccessTokenException("the token has no audience (aud)");
    }
    List<String> audiences = claims.getAudience();
    if (audiences.isEmpty()) {
      throw new InvalidAccessTokenException("the audience claim (aud) is not a string");
    }
    if (audiences.stream().noneMatch(GRAPH_AUDIENCES::contains)) {
      throw new InvalidAccessTokenException(
          "the audience '%s' is not Microsoft Graph".formatted(shown(String.join(" ", audiences))));
    }
  }

  static void checkIssuer(JWTClaimsSet claims, String tenantId) {
    String issuer =
        stringClaim(claims, "iss")
            .orElseThrow(() -> new InvalidAccessTokenException("the token has no issuer (iss)"));
    String v1 = "https://sts.windows.net/%s/".formatted(tenantId);
    String v2 = "https://login.microsoftonline.com/%s/v2.0".formatted(tenantId);
    if (!issuer.equals(v1) && !issuer.equals(v2)) {
      throw new InvalidAccessTokenException(
          "the issuer '%s' is not the issuer of the token's tenant".formatted(shown(issuer)));
    }
  }

  static Caller classify(JWTClaimsSet claims, String tenantId) {
    Optional<String> objectId = stringClaim(claims, "oid");
    Optional<String> userPrincipalName =
        stringClaim(claims, "upn")
            .or(() -> stringClaim(claims, "unique_name"))
            .or(() -> stringClaim(claims, "preferred_username"));
    Optional<String> appId = stringClaim(claims, "appid").or(() -> stringClaim(claims, "azp"));
    Object scope = claims.getClaim("scp");
    if (scope != null) {
      if (!(scope instanceof String scopes)) {
        throw new InvalidAccessTokenException("the scp claim is not a space-separated string");
      }
      PermissionType type =
          tenantId.equalsIgnoreCase(CONSUMER_TENANT_ID)
              ? PermissionType.DELEGATED_PERSONAL
              : PermissionType.DELEGATED_WORK_OR_SCHOOL;
      Set<String> granted =
          Arrays.stream(scopes.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
      return new Caller(type, tenantId, objectId, userPrincipalName, appId, granted);
    }
    Object roles = claims.getClaim("roles");
    boolean appToken = stringClaim(claims, "idtyp").filter("app"::equals).isPresent();
    if (roles == null && !appToken) {
      throw new InvalidAccessTokenException("the token has neither scp nor roles");
    }
    return new Caller(
        PermissionType.APPLICATION,
        tenantId,
        objectId,
        userPrincipalName,
        appId,
        Set.copyOf(roles == null ? List.of() : stringList(roles)));
  }

  private static List<String> stringList(Object roles) {
    if (roles instanceof List<?> list) {
      List<String> names = new ArrayList<>(list.size());
      for (Object role : list) {
        if (!(role instanceof String name)) {
          throw new InvalidAccessTokenException("the roles claim is not an array of strings");
        }
        names.add(name);
      }
      return names;
    }
    throw new InvalidAccessTokenException("the roles claim is not an array of strings");
  }

  static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw new InvalidAccessTokenException("the %s claim is not a string".formatted(name));
  }

  static @Nullable Date dateClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    throw new InvalidAccessTokenException("the %s claim is not a date".formatted(name));
  }

  /**
   * A claim value fit to echo: printable ASCII, bounded, since it comes from an untrusted token.
   */
  static String shown(String value) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < value.length() && shown.length() < MAX_SHOWN_CLAIM_LENGTH; i++) {
      char c = value.charAt(i);
      shown.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return value.length() > MAX_SHOWN_CLAIM_LENGTH ? shown + "..." : shown.toString();
  }

  @Override
  public String toString() {
    return "JwtAccessTokenVerifier[keys=%d]".formatted(publicKeys.size());
  }
}
