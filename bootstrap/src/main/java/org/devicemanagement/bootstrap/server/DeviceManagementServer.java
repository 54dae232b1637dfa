package org.devicemanagement.bootstrap.server;

import com.google.inject.Module;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.bootstrap.composition.Composition;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Graph-compatible server, an object with a lifecycle: {@link #start} composes it ({@link
 * Composition}), builds its Jersey application and listens ({@link HttpTransport}); {@link #stop}
 * lets in-flight requests finish within {@link ServerSettings#shutdownGrace()}.
 */
public final class DeviceManagementServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceManagementServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_SLACK = Duration.ofSeconds(5);

  private final ServerSettings settings;
  private final Composition.Composed composed;
  private final Optional<CompletableFuture<Boolean>> warmUp;
  private final HttpTransport transport;
  private final URI baseUri;
  private final int port;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final @Nullable CheckInScheduler checkIns;

  private DeviceManagementServer(
      ServerSettings settings,
      Composition.Composed composed,
      Optional<CompletableFuture<Boolean>> warmUp,
      HttpTransport transport,
      boolean https,
      @Nullable CheckInScheduler checkIns) {
    this.settings = settings;
    this.composed = composed;
    this.checkIns = checkIns;
    this.warmUp = warmUp;
    this.transport = transport;
    this.port = transport.localPort();
    this.baseUri = HttpTransport.baseUri(https, settings.host(), port);
  }

  /**
   * Composes the server the settings describe (the emulator loads its tenant and signing key,
   * creating the key on first use; the gateway loads neither), with {@code overrides} replacing any
   * of its bindings, and starts listening over HTTP.
   *
   * @throws org.devicemanagement.bootstrap.security.SigningKeyException if the data directory or
   *     key cannot be used
   * @throws org.devicemanagement.adapters.memory.TenantFileException if the tenant file is invalid
   * @throws ServerStartException if the server cannot listen (for example, the port is in use)
   * @throws org.devicemanagement.adapters.jdbc.StoreException if the durable store cannot be opened
   * @throws org.devicemanagement.bootstrap.composition.StoreSeedingException if a tenant was given
   *     for a store that holds one already
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
    Composition composition = Composition.of(settings, overrides);
    JerseyApplication jersey =
        JerseyApplication.startBuilding(composition.jerseyProviders(), composition.control());
    Composition.Composed composed;
    try {
      composed = composition.compose();
      jersey.injectorReady(composed.injector());
    } catch (RuntimeException | Error e) {
      jersey.abandon(e);
      throw e;
    }
    // Only the emulator's own token check gains from it; a gateway checks tokens another way.
    Optional<CompletableFuture<Boolean>> warmUp =
        composed.signingKeys().map(FirstRequestWarmUp::startInBackground);
    DeviceManagementServer server;
    try {
      HttpTransport transport = HttpTransport.create(settings, tls);
      transport.start(
          jersey.await(START_TIMEOUT, "%s:%d".formatted(settings.host(), settings.port())));
      server =
          new DeviceManagementServer(
              settings,
              composed,
              warmUp,
              transport,
              tls.isPresent(),
              startCheckIns(composed, composition.control().changes()::tenantChanged));
    } catch (RuntimeException | Error e) {
      composed.store().ifPresent(JdbcStore::close);
      throw e;
    }
    LOG.info(
        "Serving {} on {} with the {} permission table",
        composed.tenant().map(ServedTenant::description).orElse(settings.backend().description()),
        server.baseUri(),
        settings.permissionCatalog().name());
    return server;
  }

  /**
   * On the emulator with a system clock, the thread running check-ins as they fall due; none in the
   * gateway, and none on a virtual clock, which runs them as it is advanced.
   */
  private static @Nullable CheckInScheduler startCheckIns(
      Composition.Composed composed, Runnable afterCheckIns) {
    Clock clock = composed.injector().getInstance(Clock.class);
    if (composed.tenant().isEmpty() || clock instanceof VirtualClock) {
      return null;
    }
    return CheckInScheduler.start(
        composed.injector().getInstance(CheckIns.class), clock, afterCheckIns);
  }

  /** Where the server listens, such as {@code http://localhost:8080/}; Graph's base is below it. */
  public URI baseUri() {
    return baseUri;
  }

  /** The port the server listens on (the chosen one when the settings asked for port 0). */
  public int port() {
    return port;
  }

  /** The settings the server was started with. */
  public ServerSettings settings() {
    return settings;
  }

  /** The signing key whose tokens the emulator trusts; empty in the gateway, which has none. */
  public Optional<SigningKeys> signingKeys() {
    return composed.signingKeys();
  }

  /**
   * The tenant the emulator serves, in memory or in a durable store (unless overrides replaced the
   * outbound ports); empty in the gateway.
   */
  public Optional<ServedTenant> tenant() {
    return composed.tenant();
  }

  /** The durable store the server keeps its state in; empty in memory. */
  public Optional<JdbcStore> store() {
    return composed.store();
  }

  /** How the emulator's clock stands at start (resumed from a store, say), for the banner. */
  public String clockDescription() {
    return composed.clockDescription();
  }

  /** The start's warm-up for the first request, when it ran (the emulator); for tests. */
  Optional<CompletableFuture<Boolean>> firstRequestWarmUp() {
    return warmUp;
  }

  /** The instance the server's injector provides for {@code type}. */
  public <T> T instance(Class<T> type) {
    return composed.injector().getInstance(type);
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
    if (checkIns != null) {
      checkIns.stop();
    }
    try {
      CompletableFuture.runAsync(
              () -> {
                try {
                  transport.stop();
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
      // After Jetty stopped: no request is left to use the store.
      closeStore();
      stopped.countDown();
    }
  }

  private void closeStore() {
    composed
        .store()
        .ifPresent(
            store -> {
              try {
                store.close();
                LOG.info("Closed the store {}", store.describe());
              } catch (RuntimeException e) {
                LOG.warn("Closing the store {} failed: {}", store.describe(), e.toString());
              }
            });
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
}
