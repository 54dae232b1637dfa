package org.devicemanagement.adapters.rest;

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.adapters.rest.resource.DeviceManagementManagedDevicesResource;
import org.devicemanagement.adapters.rest.resource.RemoveAllDevicesFromManagementResource;
import org.devicemanagement.adapters.rest.resource.UserManagedDevicesResource;
import org.devicemanagement.adapters.rest.resource.UserResource;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.ManagedDevicePage;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.jspecify.annotations.Nullable;

/** The one test-data factory of adapters-rest: keys, tokens, a fake tenant and a running server. */
final class RestTestData {

  static final String TENANT_ID = "0f3c6a52-5b8e-4f6e-9c0a-2d7b8e1f4a10";
  static final String CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";
  static final String CLIENT_APP_ID = "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182";
  static final String SERVICE_PRINCIPAL_ID = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  static final String KEY_ID = "rest-test-key";

  static final User ADELE =
      new User("4a9f1d2e-0b3c-4d5e-8f60-718293a4b5c6", "adele.vance@contoso.com", "Adele Vance");
  static final User MEGAN =
      new User("5b0a2e3f-1c4d-4e6f-9071-8293a4b5c6d7", "megan.bowen@contoso.com", "Megan Bowen");

  /** A user whose lookups fail unexpectedly, to see what a 500 reveals. */
  static final User BROKEN =
      new User("6c1b3f40-2d5e-4f70-a182-93a4b5c6d7e8", "broken@contoso.com", "Broken");

  /** The internal detail a failing use case carries; it must never reach a response. */
  static final String INTERNAL_DETAIL = "java.lang.IllegalStateException: db password=hunter2";

  static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final RSAKey SIGNING_KEY = rsaKey(KEY_ID);
  static final RSAKey OTHER_KEY = rsaKey(KEY_ID);
  static final RSAKey UNKNOWN_KEY = rsaKey("someone-elses-key");

  private RestTestData() {}

  private static RSAKey rsaKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verifier of the tests: trusts {@link #SIGNING_KEY}, lives at {@link #NOW}. */
  static JwtAccessTokenVerifier verifier() {
    return verifier(CLOCK);
  }

  static JwtAccessTokenVerifier verifier(Clock clock) {
    return new JwtAccessTokenVerifier(new JWKSet(SIGNING_KEY.toPublicJWK()), clock);
  }

  /** A verifier remembering up to {@code cacheSize} accepted tokens. */
  static JwtAccessTokenVerifier cachingVerifier(Clock clock, int cacheSize) {
    return new JwtAccessTokenVerifier(new JWKSet(SIGNING_KEY.toPublicJWK()), clock, cacheSize);
  }

  /** A clock standing at {@link #NOW} until a test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now = NOW;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException("a movable test clock stays in UTC");
    }
  }

  // ---- tokens ---------------------------------------------------------------------------------

  /** A delegated work-or-school token for Adele holding every device scope. */
  static Token delegated() {
    return new Token()
        .claim("scp", Permissions.PRIVILEGED_OPERATIONS_ALL + " " + Permissions.READ_ALL)
        .claim("idtyp", "user")
        .claim("oid", ADELE.id())
        .claim("sub", ADELE.id());
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

  /** An access token under construction, Entra v1 shaped, valid at {@link #NOW}. */
  static final class Token {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private RSAKey key = SIGNING_KEY;
    private String keyId = KEY_ID;
    private JOSEObjectType type = JOSEObjectType.JWT;

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

    Token type(JOSEObjectType headerType) {
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

  /** A compact JWT-looking string whose parts are not JSON. */
  static String garbageToken() {
    return Base64URL.encode("not json").toString() + ".e30.c2ln";
  }

  static Token typeless(Token token) {
    return token.type(null);
  }

  // ---- the fake tenant --------------------------------------------------------------------------

  static ManagedDevice device(String id, User user, ManagementState state) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName("DESKTOP-" + id.substring(0, 4).toUpperCase(java.util.Locale.ROOT))
        .operatingSystem("Windows")
        .osVersion("10.0.22631.3447")
        .managementState(state)
        .complianceState(ComplianceState.COMPLIANT)
        .managedDeviceOwnerType(ManagedDeviceOwnerType.COMPANY)
        .enrolledDateTime(Instant.parse("2024-01-02T03:04:05Z"))
        .serialNumber("SN-" + id.substring(0, 4))
        .azureADDeviceId("aad-" + id.substring(0, 4))
        .model("Surface Laptop 5")
        .manufacturer("Microsoft Corporation")
        .build();
  }

  /** Adele's three devices, in id order, one already retiring, one with a finished action. */
  static List<ManagedDevice> adelesDevices() {
    return List.of(
        device("a1000000-0000-4000-8000-000000000001", ADELE, ManagementState.MANAGED),
        device("a2000000-0000-4000-8000-000000000002", ADELE, ManagementState.RETIRE_PENDING),
        device("a3000000-0000-4000-8000-000000000003", ADELE, ManagementState.MANAGED)
            .withAction(
                ManagementState.MANAGED,
                new DeviceActionResult(
                    "syncDevice",
                    ActionState.DONE,
                    Instant.parse("2025-01-01T00:00:00Z"),
                    Instant.parse("2025-01-01T00:05:00Z"))));
  }

  /**
   * In-memory use cases over a tiny tenant, enforcing the seed permission table as the real
   * services do; reset between tests.
   */
  static final class FakeDeviceManagement
      implements RemoveAllDevicesFromManagementUseCase,
          ListManagedDevicesUseCase,
          GetManagedDeviceUseCase,
          GetUserUseCase {

    private final PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());
    private final Map<String, ManagedDevice> devices = new LinkedHashMap<>();
    private final List<Object> received = new ArrayList<>();
    private @Nullable RuntimeException nextFailure;

    FakeDeviceManagement() {
      reset();
    }

    synchronized void reset() {
      devices.clear();
      received.clear();
      nextFailure = null;
      adelesDevices().forEach(d -> devices.put(d.id(), d));
    }

    /** The next call, whatever it is, fails with {@code failure} (as a backend failure would). */
    synchronized void failNextWith(RuntimeException failure) {
      nextFailure = failure;
    }

    private void failIfScripted() {
      RuntimeException failure = nextFailure;
      if (failure != null) {
        nextFailure = null;
        throw failure;
      }
    }

    @Override
    public synchronized User getUser(GetUserQuery query) {
      received.add(query);
      failIfScripted();
      checkMe(query.caller(), query.user());
      policy.authorize(query.caller(), Operation.GET_USER);
      return resolve(query.caller(), query.user());
    }

    synchronized List<Object> received() {
      return List.copyOf(received);
    }

    synchronized Optional<ManagedDevice> device(String id) {
      return Optional.ofNullable(devices.get(id));
    }

    @Override
    public synchronized RetireAllOutcome removeAllDevicesFromManagement(
        RemoveAllDevicesFromManagementCommand command) {
      received.add(command);
      failIfScripted();
      checkMe(command.caller(), command.user());
      policy.authorize(command.caller(), Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT);
      User user = resolve(command.caller(), command.user());
      RetireAllOutcome outcome = RetireAllRule.applyTo(user.id(), devicesOf(user), NOW);
      outcome.devicesAfter().forEach(d -> devices.put(d.id(), d));
      return outcome;
    }

    @Override
    public synchronized ManagedDevicePage listManagedDevices(ListManagedDevicesQuery query) {
      received.add(query);
      failIfScripted();
      checkMe(query.caller(), query.user());
      policy.authorize(query.caller(), Operation.LIST_MANAGED_DEVICES);
      User user = resolve(query.caller(), query.user());
      List<ManagedDevice> all = devicesOf(user);
      int from =
          query
              .skipToken()
              .map(
                  token -> {
                    if (!token.startsWith("after-")) {
                      throw new InvalidRequestException("The $skiptoken value is not valid.");
                    }
                    return Integer.parseInt(token.substring("after-".length()));
                  })
              .orElse(0);
      int to = Math.min(all.size(), from + query.pageSize());
      return new ManagedDevicePage(
          all.subList(from, to), to < all.size() ? Optional.of("after-" + to) : Optional.empty());
    }

    @Override
    public synchronized ManagedDevice getManagedDevice(GetManagedDeviceQuery query) {
      received.add(query);
      policy.authorize(query.caller(), Operation.GET_MANAGED_DEVICE);
      return Optional.ofNullable(devices.get(query.deviceId()))
          .orElseThrow(() -> new ManagedDeviceNotFoundException(query.deviceId()));
    }

    private static void checkMe(Caller caller, UserReference user) {
      if (user instanceof UserReference.SignedInUser && !caller.permissionType().isDelegated()) {
        throw new org.devicemanagement.application.failure.DelegatedCallerRequiredException();
      }
    }

    private List<ManagedDevice> devicesOf(User user) {
      return devices.values().stream()
          .filter(d -> d.belongsTo(user.id()))
          .sorted(Comparator.comparing(ManagedDevice::id))
          .toList();
    }

    private static User resolve(Caller caller, UserReference reference) {
      List<User> users = List.of(ADELE, MEGAN, BROKEN);
      Optional<User> found;
      if (reference instanceof UserReference.ById byId) {
        found = users.stream().filter(u -> u.hasId(byId.id())).findFirst();
      } else if (reference instanceof UserReference.ByUserPrincipalName byUpn) {
        found =
            users.stream()
                .filter(u -> u.hasUserPrincipalName(byUpn.userPrincipalName()))
                .findFirst();
      } else {
        found =
            caller
                .objectId()
                .flatMap(id -> users.stream().filter(u -> u.hasId(id)).findFirst())
                .or(
                    () ->
                        caller
                            .userPrincipalName()
                            .flatMap(
                                upn ->
                                    users.stream()
                                        .filter(u -> u.hasUserPrincipalName(upn))
                                        .findFirst()));
      }
      User user = found.orElseThrow(() -> new UserNotFoundException(reference.text()));
      if (user.equals(BROKEN)) {
        throw new IllegalStateException(INTERNAL_DETAIL);
      }
      return user;
    }
  }

  /** Builds each resource class around {@code fake}, as Guice does in bootstrap. */
  static Function<Class<?>, Object> resourceFactory(FakeDeviceManagement fake) {
    return type -> {
      if (type == RemoveAllDevicesFromManagementResource.class) {
        return new RemoveAllDevicesFromManagementResource(fake);
      }
      if (type == UserManagedDevicesResource.class) {
        return new UserManagedDevicesResource(fake);
      }
      if (type == DeviceManagementManagedDevicesResource.class) {
        return new DeviceManagementManagedDevicesResource(fake);
      }
      if (type == UserResource.class) {
        return new UserResource(fake);
      }
      throw new IllegalArgumentException("no resource " + type);
    };
  }

  // ---- responses --------------------------------------------------------------------------------

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** Text that would betray internals: Java class names, stack frames, Jersey's own wording. */
  static final List<String> INTERNAL_MARKERS =
      List.of(
          "Exception:",
          "Exception(",
          "IllegalState",
          "NullPointer",
          ".java",
          "java.",
          "org.glassfish",
          "org.devicemanagement",
          "\tat ",
          "jersey",
          "HTTP 4",
          "HTTP 5",
          "<html");

  /**
   * Asserts a complete Graph error: status, JSON content type, the envelope with exactly its
   * fields, request ids matching the headers, a date in seconds, and nothing internal.
   */
  static com.fasterxml.jackson.databind.JsonNode assertGraphError(
      HttpResponse<String> response, int status, String code, String message) {
    org.assertj.core.api.Assertions.assertThat(response.statusCode())
        .as("status of %s", response.body())
        .isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                org.assertj.core.api.Assertions.assertThat(type).startsWith("application/json"));
    com.fasterxml.jackson.databind.JsonNode body = json(response);
    org.assertj.core.api.Assertions.assertThat(fieldNames(body)).containsExactly("error");
    com.fasterxml.jackson.databind.JsonNode error = body.get("error");
    org.assertj.core.api.Assertions.assertThat(fieldNames(error))
        .containsExactly("code", "message", "innerError");
    org.assertj.core.api.Assertions.assertThat(error.get("code").asText()).isEqualTo(code);
    org.assertj.core.api.Assertions.assertThat(error.get("message").asText()).isEqualTo(message);
    com.fasterxml.jackson.databind.JsonNode inner = error.get("innerError");
    org.assertj.core.api.Assertions.assertThat(fieldNames(inner))
        .containsExactly("date", "request-id", "client-request-id");
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    org.assertj.core.api.Assertions.assertThat(UUID.fromString(requestId).toString())
        .isEqualTo(requestId);
    org.assertj.core.api.Assertions.assertThat(inner.get("request-id").asText())
        .isEqualTo(requestId);
    org.assertj.core.api.Assertions.assertThat(inner.get("client-request-id").asText())
        .isEqualTo(response.headers().firstValue("client-request-id").orElseThrow());
    org.assertj.core.api.Assertions.assertThat(inner.get("date").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    assertNothingInternal(response);
    return body;
  }

  static void assertNothingInternal(HttpResponse<String> response) {
    for (String marker : INTERNAL_MARKERS) {
      org.assertj.core.api.Assertions.assertThat(response.body()).doesNotContain(marker);
    }
  }

  static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ---- the running server -----------------------------------------------------------------------

  /** A Jetty server running the API in-process on a free port, with an HTTP/1.1 client. */
  static final class TestServer implements AutoCloseable {
    final FakeDeviceManagement fake = new FakeDeviceManagement();
    private final Server jetty;
    private final AtomicInteger reachedJersey = new AtomicInteger();
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final URI base;

    TestServer(AccessTokenVerifier verifier) {
      this(verifier, factory -> factory);
    }

    /** The Jersey application on Jetty, its resource factory {@code wrap} applied to the usual one. */
    TestServer(
        AccessTokenVerifier verifier,
        java.util.function.UnaryOperator<Function<Class<?>, Object>> wrap) {
      jetty =
          JettyHttpContainerFactory.createServer(
              URI.create("http://127.0.0.1:0/"),
              GraphRestApi.resourceConfig(verifier, wrap.apply(resourceFactory(fake))),
              false);
      for (Connector connector : jetty.getConnectors()) {
        if (connector instanceof ServerConnector serverConnector) {
          serverConnector.setHost("127.0.0.1");
          serverConnector.setPort(0);
        }
      }
      Handler jersey =
          new Handler.Wrapper(jetty.getHandler()) {
            @Override
            public boolean handle(Request request, Response response, Callback callback)
                throws Exception {
              reachedJersey.incrementAndGet();
              return super.handle(request, response, callback);
            }
          };
      jetty.setHandler(jersey);
      try {
        jetty.start();
      } catch (Exception e) {
        throw new IllegalStateException("server did not start", e);
      }
      int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
      base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /** How many requests reached the Jersey application (rather than being served before it). */
    int reachedJersey() {
      return reachedJersey.get();
    }

    /** A request to {@code path} (relative to the server root, already encoded). */
    HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    HttpRequest.Builder authorized(String path, String token) {
      return request(path).header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(
            request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> post(String path, String token) {
      return send(authorized(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> get(String path, String token) {
      return send(authorized(path, token).GET());
    }

    @Override
    public void close() throws Exception {
      jetty.stop();
    }
  }

  /** A running server trusting {@link #SIGNING_KEY}, living at {@link #NOW} like the tokens. */
  static TestServer server() {
    return new TestServer(verifier());
  }
}
