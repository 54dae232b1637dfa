package org.devicemanagement.bootstrap.server;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.adapters.rest.jetty.RetireAllHandler;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.gateway.GraphBackendModule;
import org.devicemanagement.bootstrap.gateway.InboundTokens;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.jetty.JettyHttpContainerProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Graph-compatible server: composes the Guice modules, hands the REST resources to
 * Jersey on Jetty, and stops gracefully (in-flight requests finish
 * within {@link ServerSettings#shutdownGrace()}).
 */
public final class DeviceManagementServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceManagementServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_SLACK = Duration.ofSeconds(5);
  private static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(200);
  // The user the warm-up token names: a GUID no tenant has.
  private static final String WARM_UP_ID = "00000000-0000-4000-8000-000000000000";

  private final ServerSettings settings;
  private final SigningKeys signingKeys;
  private final InMemoryTenant tenant;
  private final Injector injector;
  private final Server jetty;
  private final int port;
  private final URI baseUri;
  private final boolean retireAllOnJetty;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private DeviceManagementServer(
      ServerSettings settings,
      SigningKeys signingKeys,
      InMemoryTenant tenant,
      Injector injector,
      Server jetty,
      int port,
      boolean https,
      boolean retireAllOnJetty) {
    this.settings = settings;
    this.signingKeys = signingKeys;
    this.tenant = tenant;
    this.injector = injector;
    this.jetty = jetty;
    this.port = port;
    this.baseUri = baseUri(https ? "https" : "http", settings.host(), port);
    this.retireAllOnJetty = retireAllOnJetty;
  }

  /**
   * Loads the tenant and the signing key (creating it on first use), composes the modules with
   * {@code overrides} replacing any of their bindings, and starts listening.
   *
   * @throws org.devicemanagement.bootstrap.security.SigningKeyException if the data directory or
   *     key cannot be used
   * @throws org.devicemanagement.adapters.memory.TenantFileException if the tenant file is invalid
   * @throws ServerStartException if the server cannot listen (for example, the port is in use)
   */
  public static DeviceManagementServer start(ServerSettings settings, Module... overrides) {
    return start(settings, Optional.empty(), overrides);
  }

  /**
   * Like {@link #start(ServerSettings, Module...)}, serving HTTPS with {@code tls} when present
   * (see {@link org.devicemanagement.bootstrap.config.TlsKeystore}).
   */
  public static DeviceManagementServer start(
      ServerSettings settings, Optional<SSLContext> tls, Module... overrides) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(tls, "tls");
    // Jersey's application model is the longest step of a start and needs only the resource
    // classes, so it is built on another thread while this one loads the tenant, the key and the
    // injector; the verifier and the resources are looked up once the injector exists.
    CompletableFuture<Injector> injected = new CompletableFuture<>();
    CompletableFuture<AccessTokenVerifier> verifier = new CompletableFuture<>();
    // Gateway mode: the caller's token, held for the Graph adapter, is dropped with each response.
    List<InboundTokens> gatewayTokens = new ArrayList<>();
    for (Module override : overrides) {
      if (override instanceof GraphBackendModule gateway) {
        gatewayTokens.add(gateway.tokens());
      }
    }
    CompletableFuture<JettyHttpContainer> jersey =
        inBackground(
            () -> {
              ResourceConfig resources =
                  GraphRestApi.resourceConfig(
                      new LateVerifier(verifier), type -> injected.join().getInstance(type));
              gatewayTokens.forEach(tokens -> resources.register(tokens.clearingFilter()));
              return new JettyHttpContainerProvider()
                  .createContainer(JettyHttpContainer.class, resources);
            });
    InMemoryTenant tenant;
    SigningKeys keys;
    Injector injector;
    try {
      // The tenant first: a bad tenant file is reported before anything is written to disk.
      tenant = settings.tenant().load();
      keys = SigningKeys.loadOrCreate(settings.dataDir());
      injector = Guice.createInjector(modules(settings, tenant, keys, overrides));
      Binding<InboundTokens> inboundTokens =
          injector.getExistingBinding(Key.get(InboundTokens.class));
      if (inboundTokens != null && !gatewayTokens.contains(inboundTokens.getProvider().get())) {
        throw new IllegalStateException(
            "InboundTokens is bound outside a GraphBackendModule: its tokens would not be cleared");
      }
      verifier.complete(injector.getInstance(AccessTokenVerifier.class));
      injected.complete(injector);
    } catch (RuntimeException | Error e) {
      injected.completeExceptionally(e);
      verifier.completeExceptionally(e);
      jersey.thenAccept(DeviceManagementServer::disposeQuietly);
      throw e;
    }
    if (injector.getInstance(AccessTokenVerifier.class) instanceof JwtAccessTokenVerifier) {
      // Only the server's own verifier gains from it; a gateway checks tokens another way.
      warmUpInBackground(keys);
    }
    // Jetty's server is made while Jersey may still be building (setting up Jetty's classes is a
    // noticeable step of its own); Jersey's container becomes its handler once it is ready.
    Server jetty =
        JettyHttpContainerFactory.createServer(
            uri(tls.isPresent() ? "https" : "http", settings.host(), settings.port()),
            tls.map(DeviceManagementServer::sslContextFactory).orElse(null),
            null,
            false);
    jetty.setHandler(await(jersey, START_TIMEOUT, settings));
    // Gateway mode keeps Jersey for every request: its filters hand the caller's token to the
    // Graph adapter and clear it again.
    boolean retireAllOnJetty = gatewayTokens.isEmpty();
    prepare(jetty, settings, retireAllOnJetty ? Optional.of(injector) : Optional.empty());
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      throw new ServerStartException(describeStartFailure(settings, e), e);
    }
    DeviceManagementServer server =
        new DeviceManagementServer(
            settings,
            keys,
            tenant,
            injector,
            jetty,
            localPort(jetty),
            tls.isPresent(),
            retireAllOnJetty);
    LOG.info(
        "Serving on {} with the {} permission table",
        server.baseUri(),
        settings.permissionCatalog().name());
    return server;
  }

  /**
   * The modules of a server: application, in-memory tenant and REST, with {@code overrides}
   * replacing any of their bindings (for example another adapter for the outbound ports).
   */
  public static Module modules(
      ServerSettings settings, InMemoryTenant tenant, SigningKeys keys, Module... overrides) {
    return Modules.override(
            new ApplicationModule(settings.permissionCatalog()),
            new MemoryTenantModule(tenant),
            new RestModule(keys.publicKeys()))
        .with(overrides);
  }

  /** Where the server listens, such as {@code http://localhost:8080/}; Graph's base is below it. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port the server listens on (the chosen one when the settings asked for port 0). */
  public int port() {
    return port;
  }

  /**
   * Whether the everyday retire-all request is served by a Jetty handler in front of Jersey (with
   * the in-memory backend) rather than by Jersey (in gateway mode, whose filters pass the caller's
   * token on to Graph).
   */
  public boolean servesRetireAllOnJetty() {
    return retireAllOnJetty;
  }

  /** The settings the server was started with. */
  public ServerSettings settings() {
    return settings;
  }

  /** The signing key whose tokens the server trusts. */
  public SigningKeys signingKeys() {
    return signingKeys;
  }

  /**
   * The in-memory tenant loaded from the settings; it is the one served unless overrides replaced
   * the outbound ports.
   */
  public InMemoryTenant tenant() {
    return tenant;
  }

  /** The instance the server's injector provides for {@code type}. */
  public <T> T instance(Class<T> type) {
    return injector.getInstance(type);
  }

  /**
   * Stops accepting connections, lets in-flight requests finish (waiting at most the shutdown
   * grace), then releases the port. Calling it again waits for the first call to finish.
   */
  public void stop() {
    Duration bound = settings.shutdownGrace().plus(STOP_SLACK);
    if (!stopRequested.compareAndSet(false, true)) {
      awaitStopped(bound);
      return;
    }
    long started = System.nanoTime();
    try {
      CompletableFuture.runAsync(
              () -> {
                try {
                  jetty.stop();
                } catch (Exception e) {
                  throw new CompletionException(e);
                }
              })
          .get(bound.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info(
          "Stopped {} in {} ms",
          baseUri,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while stopping {}", baseUri);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof TimeoutException) {
        LOG.warn(
            "Stopped {} after waiting {} ms for in-flight requests; those still running were cut off",
            baseUri,
            settings.shutdownGrace().toMillis());
      } else {
        LOG.warn("Stopping {} did not complete cleanly: {}", baseUri, cause.toString());
      }
    } finally {
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop()} has completed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void awaitStopped(Duration bound) {
    try {
      if (!stopped.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Gave up waiting for {} to stop", baseUri);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void prepare(Server jetty, ServerSettings settings, Optional<Injector> fastPath) {
    // Jersey's Jetty factory ignores the host; bind where the settings say (loopback by default),
    // and let the OS pick port 0 atomically rather than Jersey's probe for a free port.
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost(isWildcard(settings.host()) ? null : settings.host());
        serverConnector.setPort(settings.port());
        // Keep-alive connections that sit idle while stopping are closed soon, so they do not
        // hold up the stop; connections with a request in flight are left alone.
        serverConnector.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
        HttpConnectionFactory http = serverConnector.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          // Graph does not name its server software; neither do we.
          http.getHttpConfiguration().setSendServerVersion(false);
          http.getHttpConfiguration().setSendXPoweredBy(false);
        }
      }
    }
    // Requests Jetty refuses itself (bad URIs, over-long headers) get Graph's JSON error too.
    jetty.setErrorHandler(new GraphErrorHandler(Clock.systemUTC()));
    GracefulHandler graceful = new GracefulHandler();
    // A request whose client is gone must not hold the graceful stop for the whole grace.
    Handler jersey = new CompletingHandler(jetty.getHandler());
    graceful.setHandler(
        fastPath
            .<Handler>map(
                injector ->
                    new RetireAllHandler(
                        injector.getInstance(AccessTokenVerifier.class),
                        injector.getInstance(RemoveAllDevicesFromManagementUseCase.class),
                        Clock.systemUTC(),
                        jersey))
            .orElse(jersey));
    jetty.setHandler(graceful);
    jetty.setStopTimeout(settings.shutdownGrace().toMillis());
  }

  private static int localPort(Server jetty) {
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        return serverConnector.getLocalPort();
      }
    }
    throw new IllegalStateException("Jetty has no server connector");
  }

  private static String describeStartFailure(ServerSettings settings, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return "cannot listen on %s:%d: the port is already in use (choose another with --port)"
            .formatted(settings.host(), settings.port());
      }
    }
    return "cannot start the HTTP server on %s:%d: %s".formatted(settings.host(), settings.port(), e);
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.debug("Cleaning up a server that failed to start", e);
    }
  }

  /**
   * Does the first request's one-time work (the token check's classes and key conversion, the
   * records' generated equality, Jetty's header classes) on a thread of its own while Jersey is
   * still being built, so that the first caller does not wait for it. Touches no state: the token,
   * shaped like the token command's but with a signature no key made, names a user no tenant has
   * and is checked, and refused, by a verifier of its own that remembers nothing.
   */
  private static void warmUpInBackground(SigningKeys keys) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Clock clock = Clock.systemUTC();
                try {
                  new JwtAccessTokenVerifier(keys.publicKeys(), clock, 0)
                      .verify(badlySignedToken(keys, clock.instant()));
                } catch (InvalidAccessTokenException expected) {
                  // As intended: parsing and checking the signature were the point.
                }
                ManagedDevice device =
                    ManagedDevice.builder(WARM_UP_ID, WARM_UP_ID)
                        .deviceActionResults(
                            List.of(
                                new DeviceActionResult(
                                    DeviceActionResult.RETIRE,
                                    ActionState.PENDING,
                                    clock.instant(),
                                    clock.instant())))
                        .build();
                boolean same = device.equals(device.toBuilder().build());
                LOG.trace("Warmed up ({}, {})", same, HttpFields.EMPTY.size());
              } catch (RuntimeException e) {
                LOG.debug("Warming up for the first request failed; it will do that work itself", e);
              }
            },
            "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * A token naming the server's key whose signature is all zeros, so that checking it does the
   * whole signature check (making it would cost an RSA signing, several times a check's work).
   */
  private static String badlySignedToken(SigningKeys keys, Instant now) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}".formatted(keys.keyId());
    String claims =
        ("{\"aud\":\"https://graph.microsoft.com\",\"iss\":\"https://sts.windows.net/%s/\","
                + "\"tid\":\"%s\",\"oid\":\"%s\",\"scp\":\"User.Read\",\"idtyp\":\"user\","
                + "\"iat\":%d,\"nbf\":%d,\"exp\":%d}")
            .formatted(
                TokenMinter.DEMO_TENANT_ID,
                TokenMinter.DEMO_TENANT_ID,
                WARM_UP_ID,
                now.getEpochSecond(),
                now.getEpochSecond(),
                now.getEpochSecond() + 60);
    return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(new byte[keys.privateKey().size() / Byte.SIZE]);
  }

  /** Runs {@code task} on a thread of its own (Jersey's start, while the caller does the rest). */
  private static <T> CompletableFuture<T> inBackground(Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(task.get());
              } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
              }
            },
            "jersey-init");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  private static void disposeQuietly(JettyHttpContainer container) {
    try {
      container.doStop();
    } catch (Exception e) {
      LOG.debug("Disposing of Jersey after a failed start", e);
    }
  }

  private static SslContextFactory.Server sslContextFactory(SSLContext context) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(context);
    return factory;
  }

  private static <T> T await(
      CompletableFuture<T> start, Duration timeout, ServerSettings settings) {
    try {
      return start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while starting the HTTP server", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ServerStartException(
          "cannot create the HTTP server for %s:%d: %s"
              .formatted(settings.host(), settings.port(), cause),
          cause);
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
  }

  private static URI baseUri(String scheme, String host, int port) {
    return uri(scheme, isWildcard(host) ? "localhost" : host, port);
  }

  private static URI uri(String scheme, String host, int port) {
    try {
      return new URI(scheme, null, host, port, "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("host '%s' is not valid in a URL".formatted(host), e);
    }
  }
}
