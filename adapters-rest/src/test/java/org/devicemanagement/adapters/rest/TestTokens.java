package org.devicemanagement.adapters.rest;

import static org.devicemanagement.adapters.rest.TestTime.NOW;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.permission.Permissions;
import org.jspecify.annotations.Nullable;

/** Signing keys, the verifiers that trust them, and Entra-shaped access tokens valid at NOW. */
final class TestTokens {

  static final String TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";
  static final String CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";
  static final String CLIENT_APP_ID = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182";
  static final String SERVICE_PRINCIPAL_ID = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  static final String KEY_ID = "rest-test-key";

  static final RSAKey SIGNING_KEY = rsaKey(KEY_ID);
  static final RSAKey OTHER_KEY = rsaKey(KEY_ID);
  static final RSAKey UNKNOWN_KEY = rsaKey("someone-elses-key");

  private TestTokens() {}

  private static RSAKey rsaKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- verifiers -------------------------------------------------------------------------------

  /** The verifier of the tests: trusts {@link #SIGNING_KEY}, lives at {@link TestTime#NOW}. */
  static JwtAccessTokenVerifier verifier() {
    return verifier(TestTime.CLOCK);
  }

  static JwtAccessTokenVerifier verifier(Clock clock) {
    return new JwtAccessTokenVerifier(new JWKSet(SIGNING_KEY.toPublicJWK()), clock);
  }

  /** A verifier remembering up to {@code cacheSize} accepted tokens. */
  static JwtAccessTokenVerifier cachingVerifier(Clock clock, int cacheSize) {
    return new JwtAccessTokenVerifier(new JWKSet(SIGNING_KEY.toPublicJWK()), clock, cacheSize);
  }

  // ---- tokens ----------------------------------------------------------------------------------

  /** A delegated work-or-school token for Adele holding every device scope. */
  static Token delegated() {
    return new Token()
        .claim("scp", Permissions.PRIVILEGED_OPERATIONS_ALL + " " + Permissions.READ_ALL)
        .claim("idtyp", "user")
        .claim("oid", RestTenant.ADELE.id())
        .claim("sub", RestTenant.ADELE.id());
  }

  /** A delegated token naming the user by upn only (no oid), as the token CLI mints for a UPN. */
  static Token delegatedByUpn(String upn) {
    return new Token()
        .claim("scp", Permissions.PRIVILEGED_OPERATIONS_ALL + " " + Permissions.READ_ALL)
        .claim("idtyp", "user")
        .claim("upn", upn)
        .claim("unique_name", upn)
        .claim("sub", "subject");
  }

  /** A delegated token of a personal Microsoft account. */
  static Token personal() {
    return delegated().tenant(CONSUMER_TENANT_ID);
  }

  /** An app-only token holding {@code roles}. */
  static Token application(String... roles) {
    return new Token()
        .claim("roles", List.of(roles))
        .claim("idtyp", "app")
        .claim("oid", SERVICE_PRINCIPAL_ID)
        .claim("sub", SERVICE_PRINCIPAL_ID);
  }

  /** A compact JWT-looking string whose parts are not JSON. */
  static String garbageToken() {
    return Base64URL.encode("not json").toString() + ".e30.c2ln";
  }

  /** {@code token} without a {@code typ} header. */
  static Token typeless(Token token) {
    return token.type(null);
  }

  /** An access token under construction, Entra v1 shaped, valid at {@link TestTime#NOW}. */
  static final class Token {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private RSAKey key = SIGNING_KEY;
    private String keyId = KEY_ID;
    private @Nullable JOSEObjectType type = JOSEObjectType.JWT;

    Token() {
      claims.put("aud", "https://graph.microsoft.com");
      claims.put("iss", "https://sts.windows.net/" + TENANT_ID + "/");
      claims.put("iat", Date.from(NOW.minusSeconds(60)));
      claims.put("nbf", Date.from(NOW.minusSeconds(60)));
      claims.put("exp", Date.from(NOW.plus(Duration.ofHours(1))));
      claims.put("ver", "1.0");
      claims.put("tid", TENANT_ID);
      claims.put("uti", UUID.randomUUID().toString());
      claims.put("appid", CLIENT_APP_ID);
      claims.put("app_displayname", "device-management cli");
    }

    Token claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    Token without(String name) {
      claims.remove(name);
      return this;
    }

    /** Moves the token to tenant {@code tenantId}, keeping a matching v1 issuer. */
    Token tenant(String tenantId) {
      claims.put("tid", tenantId);
      claims.put("iss", "https://sts.windows.net/" + tenantId + "/");
      return this;
    }

    Token expiresAt(Instant at) {
      return claim("exp", Date.from(at));
    }

    Token notBefore(Instant at) {
      return claim("nbf", Date.from(at));
    }

    Token signedWith(RSAKey signingKey) {
      key = signingKey;
      keyId = signingKey.getKeyID();
      return this;
    }

    Token keyId(String id) {
      keyId = id;
      return this;
    }

    Token type(@Nullable JOSEObjectType headerType) {
      type = headerType;
      return this;
    }

    Token algorithm(JWSAlgorithm alg) {
      algorithm = alg;
      return this;
    }

    private JWTClaimsSet claimsSet() {
      JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
      claims.forEach(builder::claim);
      return builder.build();
    }

    /** The signed compact token. */
    String build() {
      try {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(keyId);
        if (type != null) {
          header.type(type);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claimsSet());
        JWSSigner signer =
            algorithm.getName().startsWith("HS")
                ? new MACSigner(new byte[32 + 32])
                : new RSASSASigner(key);
        jwt.sign(signer);
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The same claims with no signature at all ({@code alg: none}). */
    String buildUnsigned() {
      return new PlainJWT(claimsSet()).serialize();
    }

    /** A correctly shaped token whose signature belongs to other content. */
    String buildWithForeignSignature() {
      String[] genuine = build().split("\\.", -1);
      String[] other = claim("uti", "tampered").build().split("\\.", -1);
      return genuine[0] + "." + other[1] + "." + genuine[2];
    }
  }
}
