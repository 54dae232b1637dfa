package org.devicemanagement.adapters.rest;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
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
import org.devicemanagement.domain.ManagedDevice;
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

/** The fake use cases behind the HTTP tests and the in-process server that serves them. */
final class RestTestData {

  /** The internal detail a failing use case carries; it must never reach a response. */
  static final String INTERNAL_DETAIL = "java.lang.IllegalStateException: db password=hunter2";

  private RestTestData() {}

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
      RestTenant.adelesDevices().forEach(d -> devices.put(d.id(), d));
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
      RetireAllOutcome outcome = RetireAllRule.applyTo(user.id(), devicesOf(user), TestTime.NOW);
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
      List<User> users = RestTenant.users();
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
      if (user.equals(RestTenant.BROKEN)) {
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

  /** A running server trusting {@link TestTokens#SIGNING_KEY}, living at NOW like the tokens. */
  static TestServer server() {
    return new TestServer(TestTokens.verifier());
  }
}
