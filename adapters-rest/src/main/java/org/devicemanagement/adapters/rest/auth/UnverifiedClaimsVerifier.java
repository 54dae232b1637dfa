package org.devicemanagement.adapters.rest.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/**
 * Reads the caller from a Microsoft Graph access token WITHOUT verifying its signature, for the
 * gateway in front of real Graph: tokens issued for Graph can only be verified by Graph, which sees
 * every token this gateway passes on and refuses forged ones. Everything else is still checked: a
 * signed JWT (never {@code alg: none}), expiry and not-before (60 s skew), Graph's audience, an
 * issuer of the token's own tenant, a {@code tid}, and the caller's classification.
 *
 * <p>Use it only where every call it lets through is then made to Graph with the same token: it
 * decides nothing on its own but which of our own checks (the permission table) a caller passes,
 * and a forger gains nothing from passing them, since Graph refuses the forged token.
 */
public final class UnverifiedClaimsVerifier implements AccessTokenVerifier {

  private final Clock clock;

  /** A verifier judging lifetimes by {@code clock}. */
  public UnverifiedClaimsVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Caller verify(String bearerToken) {
    Objects.requireNonNull(bearerToken, "bearerToken");
    JWTClaimsSet claims = claimsOf(bearerToken);
    JwtAccessTokenVerifier.checkLifetime(claims, clock.instant());
    JwtAccessTokenVerifier.checkAudience(claims);
    String tenantId =
        JwtAccessTokenVerifier.stringClaim(claims, "tid")
            .filter(t -> !t.isBlank())
            .orElseThrow(() -> new InvalidAccessTokenException("the token has no tenant id (tid)"));
    JwtAccessTokenVerifier.checkIssuer(claims, tenantId);
    return JwtAccessTokenVerifier.classify(claims, tenantId);
  }

  private static JWTClaimsSet claimsOf(String token) {
    SignedJWT signed = JwtAccessTokenVerifier.parseSigned(token);
    try {
      return signed.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw ClaimsProblem.refusal(signed.getPayload().toString(), e);
    }
  }

  @Override
  public String toString() {
    return "UnverifiedClaimsVerifier[signatures are NOT verified; Microsoft Graph verifies them]";
  }
}
