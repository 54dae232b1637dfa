package org.devicemanagement.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.config.TenantSource;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.bootstrap.security.TokenRequest;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/** The one test-data factory of the bootstrap module: tenants, settings, tokens and HTTP calls. */
public final class BootstrapTestData {

  /** The demo tenant's user with the most devices (5, of which 4 are retirable). */
  public static final String ADELE_ID = "6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23";

  /** Adele's sign-in name. */
  public static final String ADELE_UPN = "adele.vance@contoso.com";

  /** A demo user with three devices. */
  public static final String ALEX_ID = "a9527b43-48ca-4ea8-a40e-d505128fdfa8";

  /** Alex's sign-in name. */
  public static final String ALEX_UPN = "alex.wilber@contoso.com";

  /** The demo user without devices. */
  public static final String PRADEEP_UPN = "pradeep.gupta@contoso.com";

  /** A user id the demo tenant does not have. */
  public static final String UNKNOWN_USER_ID = "00000000-0000-4000-8000-000000000404";

  /** A client-request-id callers send. */
  public static final String CLIENT_REQUEST_ID = "5b2e5c1a-7d3f-4e80-9a6b-1c2d3e4f5a6b";

  /** The built tenant's user with retirable devices. */
  public static final User KATIE =
      new User("11111111-2222-4333-8444-555555555555", "katie.jordan@fabrikam.example", "Katie");

  /** The built tenant's user whose device is already wiping. */
  public static final User JONI =
      new User("66666666-7777-4888-9999-aaaaaaaaaaaa", "joni.sherman@fabrikam.example", "Joni");

  /** The scope retire-all needs. */
  public static final String PRIVILEGED = Permissions.PRIVILEGED_OPERATIONS_ALL;

  /** The scope reads need. */
  public static final String READ_ALL = Permissions.READ_ALL;

  /** A one-user tenant file in Graph's JSON shapes: Kim with one managed Windows device. */
  public static final String TENANT_FILE_JSON =
      """
      {
        "users": [
          {"id": "f1111111-2222-4333-8444-555555555555",
           "userPrincipalName": "kim@fabrikam.example", "displayName": "Kim"}
        ],
        "managedDevices": [
          {"id": "f0000000-0000-4000-8000-000000000001",
           "userId": "f1111111-2222-4333-8444-555555555555",
           "deviceName": "KIM-PC", "operatingSystem": "Windows", "managementState": "managed"}
        ]
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static @org.jspecify.annotations.Nullable Path sharedDataDir;

  private BootstrapTestData() {}

  /**
   * One data directory for the many short-lived servers of the contract tests, so that the signing
   * key is generated once; deleted, with its key, when the test JVM exits.
   */
  public static synchronized Path sharedDataDir() {
    if (sharedDataDir == null) {
      try {
        Path created = java.nio.file.Files.createTempDirectory("dm-shared-data");
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> deleteQuietly(created), "delete-shared-data"));
        sharedDataDir = created;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sharedDataDir;
  }

  private static void deleteQuietly(Path directory) {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(directory)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  java.nio.file.Files.deleteIfExists(path);
                } catch (IOException e) {
                  // Best effort at exit: what cannot be deleted stays in the temp directory.
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // Nothing to delete, or nothing more we can do at exit.
    }
  }

  /**
   * A delegated work-or-school token for {@code user} holding exactly {@code scopes}, as Microsoft
   * Graph would receive it: signed by a key this project's server does not know (in gateway mode
   * only Graph verifies signatures).
   */
  public static String graphToken(String user, String... scopes) {
    return new TokenMinter(newRsaKey(), Clock.systemUTC())
        .mint(
            new TokenRequest(
                TokenType.DELEGATED,
                Optional.of(user),
                List.of(scopes),
                TokenRequest.DEFAULT_LIFETIME));
  }

  /** The scopes a contract-test caller holds: read users and devices, and retire-all. */
  public static final List<String> CONTRACT_SCOPES =
      List.of(PRIVILEGED, READ_ALL, Permissions.USER_READ_ALL);

  /** Settings of a test server: a free port, the demo tenant, the seed table, a 2 s grace. */
  public static ServerSettings settings(Path dataDir) {
    return ServerSettings.defaults(dataDir).withPort(0).withShutdownGrace(Duration.ofSeconds(2));
  }

  /** {@link #settings} serving {@code tenant}. */
  public static ServerSettings settings(Path dataDir, InMemoryTenant tenant) {
    return settings(dataDir).withTenant(TenantSource.given(tenant));
  }

  /**
   * A small tenant: Katie with a managed and an unhealthy device, Joni with a wipePending device,
   * and a device without a primary user.
   */
  public static InMemoryTenant builtTenant() {
    return InMemoryTenant.of(
        List.of(KATIE, JONI),
        List.of(
            device("d0000000-0000-4000-8000-000000000001", KATIE, ManagementState.MANAGED),
            device("d0000000-0000-4000-8000-000000000002", KATIE, ManagementState.UNHEALTHY),
            device("d0000000-0000-4000-8000-000000000003", JONI, ManagementState.WIPE_PENDING),
            ManagedDevice.builder("d0000000-0000-4000-8000-000000000004", "")
                .deviceName("KIOSK")
                .build()));
  }

  /** A device of {@code user} in {@code state}. */
  public static ManagedDevice device(String id, User user, ManagementState state) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName("DEVICE-" + id.substring(id.length() - 4))
        .operatingSystem("Windows")
        .managementState(state)
        .build();
  }

  /** A minter signing with {@code keys} at the current time. */
  public static TokenMinter minter(SigningKeys keys) {
    return new TokenMinter(keys.privateKey(), Clock.systemUTC());
  }

  /** A delegated work-or-school token for {@code user} with the CLI's default scopes. */
  public static String delegatedToken(SigningKeys keys, String user) {
    return minter(keys).mint(TokenRequest.delegated(user));
  }

  /** A token of {@code type} for {@code user} holding exactly {@code permissions}. */
  public static String token(SigningKeys keys, TokenType type, String user, String... permissions) {
    return minter(keys)
        .mint(
            new TokenRequest(
                type,
                type.isDelegated() ? Optional.of(user) : Optional.empty(),
                List.of(permissions),
                TokenRequest.DEFAULT_LIFETIME));
  }

  /** A delegated token for {@code user} that expired {@code ago}. */
  public static String expiredToken(SigningKeys keys, String user, Duration ago) {
    return minter(keys).mint(TokenRequest.delegated(user).withLifetime(ago.negated()));
  }

  /** A delegated token for {@code user} signed by a key the server does not know. */
  public static String tokenSignedByAnotherKey(String user) {
    return new TokenMinter(newRsaKey(), Clock.systemUTC()).mint(TokenRequest.delegated(user));
  }

  /** A fresh RSA 2048 key with a thumbprint key id. */
  public static RSAKey newRsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A token signed by the server's key with the claims of a delegated Graph token for Adele, {@code
   * overrides} replacing or adding claims.
   */
  public static String customToken(SigningKeys keys, Map<String, Object> overrides) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(TokenMinter.GRAPH_AUDIENCE)
            .issuer("https://sts.windows.net/" + TokenMinter.DEMO_TENANT_ID + "/")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(600)))
            .claim("tid", TokenMinter.DEMO_TENANT_ID)
            .claim("oid", ADELE_ID)
            .claim("scp", PRIVILEGED + " " + READ_ALL)
            .claim("ver", "1.0");
    overrides.forEach(claims::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.keyId())
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(keys.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A request to {@code base} + {@code path} carrying {@code token} (when not null). */
  public static HttpRequest.Builder request(URI base, String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** {@code POST} without a body. */
  public static HttpRequest post(URI base, String path, String token) {
    return request(base, path, token).POST(HttpRequest.BodyPublishers.noBody()).build();
  }

  /** {@code GET}. */
  public static HttpRequest get(URI base, String path, String token) {
    return request(base, path, token).GET().build();
  }

  /** Sends {@code request} with a shared client and returns the response with its body. */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The shared HTTP client. */
  public static HttpClient http() {
    return HTTP;
  }

  /** {@code body} parsed as JSON. */
  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }

  /** The claims of the compact JWT {@code token}, without verifying it. */
  public static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException("not a JWT: " + token, e);
    }
  }
}
