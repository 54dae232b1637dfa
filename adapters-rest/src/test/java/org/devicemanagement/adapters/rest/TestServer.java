package org.devicemanagement.adapters.rest;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.FailureInjectingTenant.Port;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.adapters.rest.conventions.ClientAddress;
import org.devicemanagement.adapters.rest.limits.IntuneThrottle;
import org.devicemanagement.adapters.rest.limits.ThrottlingFilter;
import org.devicemanagement.application.limits.DailyRetireLimit;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.service.AuditEventsService;
import org.devicemanagement.application.service.GetManagedDeviceService;
import org.devicemanagement.application.service.GetUserService;
import org.devicemanagement.application.service.ListManagedDevicesService;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;
import org.devicemanagement.domain.User;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jspecify.annotations.Nullable;

/**
 * The API on an in-process Jetty server, served by the real application services over an in-memory
 * tenant, with an HTTP/1.1 client to call it.
 */
final class TestServer implements AutoCloseable {

  private final FailureInjectingTenant ports;
  private final RecordingUseCases useCases;
  private final Server jetty;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final ControlApi control;

  private TestServer(Builder builder) {
    control = builder.control;
    ports = new FailureInjectingTenant(builder.tenant);
    PermissionPolicy policy = new PermissionPolicy(builder.permissions);
    useCases =
        new RecordingUseCases(
            new RemoveAllDevicesFromManagementService(
                policy, ports, retirement(builder, ports), ports, TestTime.CLOCK),
            new ListManagedDevicesService(policy, ports, ports, ports),
            new GetManagedDeviceService(policy, ports),
            new GetUserService(policy, ports));
    ResourceConfig config =
        GraphRestApi.resourceConfig(
            builder.verifier,
            builder.resourceFactory.apply(
                resourceFactory(List.of(useCases, new AuditEventsService(policy, ports), control))),
            control);
    builder.providers.forEach(config::register);
    if (builder.throttle != null) {
      config.register(
          new ThrottlingFilter(builder.throttle, builder.sendsRetryAfter, () -> useCases));
    }
    jetty =
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, false);
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost("127.0.0.1");
        serverConnector.setPort(0);
      }
    }
    jetty.setHandler(ClientAddress.around(jetty.getHandler()));
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    base = URI.create("http://127.0.0.1:" + port + "/");
  }

  private static DeviceRetirement retirement(Builder builder, FailureInjectingTenant ports) {
    return builder.dailyRetireLimit == null
        ? ports
        : builder.dailyRetireLimit.guard(ports, ports, ports);
  }

  /** A server with every default: {@link RestTenant}, the seed permissions, the test keys. */
  static TestServer start() {
    return builder().start();
  }

  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds each resource class through its {@code @Inject} constructor around the use cases and the
   * control API, as Guice does in bootstrap, so a new resource needs no code here.
   */
  private static Function<Class<?>, Object> resourceFactory(List<Object> dependencies) {
    return type -> {
      for (Constructor<?> constructor : type.getConstructors()) {
        if (constructor.isAnnotationPresent(Inject.class)) {
          Object[] arguments = new Object[constructor.getParameterCount()];
          for (int i = 0; i < arguments.length; i++) {
            Class<?> parameter = constructor.getParameterTypes()[i];
            arguments[i] =
                dependencies.stream()
                    .filter(parameter::isInstance)
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "%s needs a %s, which the test server has not"
                                    .formatted(type, parameter)));
          }
          try {
            return constructor.newInstance(arguments);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
          }
        }
      }
      throw new IllegalArgumentException("no @Inject constructor on " + type);
    };
  }

  // ---- the application behind the server --------------------------------------------------------

  /** The tenant the services work on now, to read what a request changed. */
  InMemoryTenant tenant() {
    return ports.tenant();
  }

  /** From now on, {@code port} throws {@code failure} whenever asked about {@code user}. */
  void fail(Port port, User user, RuntimeException failure) {
    ports.fail(port, user, failure);
  }

  /** Every command and query the resources handed to the application, in order. */
  List<Object> received() {
    return useCases.received();
  }

  /** The control API the server serves (off unless the builder turned it on). */
  ControlApi control() {
    return control;
  }

  /** Back to a fresh tenant, no scripted failure, nothing received and nothing journaled. */
  void reset() {
    ports.reset();
    useCases.forget();
    control.journal().clear();
    control.faults().clear();
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  /** The server's root, {@code http://127.0.0.1:<port>/}. */
  URI base() {
    return base;
  }

  /** A request to {@code path} (relative to the server root, already encoded). */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  /** A request to {@code path} bearing {@code token}. */
  HttpRequest.Builder authorized(String path, String token) {
    return request(path).header("Authorization", "Bearer " + token);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(
          request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code POST path} with no body, bearing {@code token}. */
  HttpResponse<String> post(String path, String token) {
    return send(authorized(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** {@code GET path}, bearing {@code token}. */
  HttpResponse<String> get(String path, String token) {
    return send(authorized(path, token).GET());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the test server", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the test server", e);
    }
  }

  /** The options of a {@link TestServer}; every one has a default. */
  static final class Builder {
    private Supplier<InMemoryTenant> tenant = RestTenant::create;
    private PermissionCatalog permissions = PermissionCatalog.seed();
    private AccessTokenVerifier verifier = TestTokens.verifier();
    private UnaryOperator<Function<Class<?>, Object>> resourceFactory = UnaryOperator.identity();
    private ControlApi control = ControlApi.off();
    private final List<Object> providers = new ArrayList<>();
    private @Nullable DailyRetireLimit dailyRetireLimit;
    private @Nullable IntuneThrottle throttle;
    private boolean sendsRetryAfter;

    private Builder() {}

    /**
     * Retire-alls go through {@code limit}, as with {@code serve --limits intune}; none by default.
     */
    Builder dailyRetireLimit(DailyRetireLimit limit) {
      dailyRetireLimit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** The emulator's control API; off by default. */
    Builder control(ControlApi controlApi) {
      control = Objects.requireNonNull(controlApi, "controlApi");
      return this;
    }

    /** Where each fresh tenant comes from (at start, on every reset); RestTenant by default. */
    Builder tenant(Supplier<InMemoryTenant> freshTenant) {
      tenant = Objects.requireNonNull(freshTenant, "freshTenant");
      return this;
    }

    /** The permission tables the services enforce; the seed page's by default. */
    Builder permissions(PermissionCatalog catalog) {
      permissions = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** The token verifier; one trusting {@link TestTokens#SIGNING_KEY} at NOW by default. */
    Builder verifier(AccessTokenVerifier tokenVerifier) {
      verifier = Objects.requireNonNull(tokenVerifier, "tokenVerifier");
      return this;
    }

    /** Applies {@code wrap} to the resource factory the application is given. */
    Builder resourceFactory(UnaryOperator<Function<Class<?>, Object>> wrap) {
      resourceFactory = Objects.requireNonNull(wrap, "wrap");
      return this;
    }

    /**
     * Counts requests against {@code intuneThrottle}, as {@code serve --limits intune} does (with
     * {@code Retry-After} when {@code retryAfter}), recording refused retire-alls through the
     * server's use case.
     */
    Builder throttling(IntuneThrottle intuneThrottle, boolean retryAfter) {
      throttle = Objects.requireNonNull(intuneThrottle, "intuneThrottle");
      sendsRetryAfter = retryAfter;
      return this;
    }

    /** Registers {@code provider} (a filter, say) with the application, as bootstrap may. */
    Builder provider(Object provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    TestServer start() {
      return new TestServer(this);
    }
  }
}
