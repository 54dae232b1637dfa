package org.devicemanagement.bootstrap.server;

import com.google.inject.Injector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.control.ControlApi;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.jetty.JettyHttpContainerProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jersey application serving the Graph API, built on a thread of its own while the caller loads
 * the backend and builds the injector: Jersey's application model is the longest step of a start
 * and needs only the resource classes. The verifier and the resources are taken from the injector
 * once it exists ({@link #injectorReady}), always before the first request.
 */
final class JerseyApplication {

  private static final Logger LOG = LoggerFactory.getLogger(JerseyApplication.class);

  private final CompletableFuture<Injector> injector = new CompletableFuture<>();
  private final CompletableFuture<AccessTokenVerifier> verifier = new CompletableFuture<>();
  private final CompletableFuture<JettyHttpContainer> container = new CompletableFuture<>();

  private JerseyApplication() {}

  /**
   * Starts building the application, serving {@code control} and holding {@code extraProviders}
   * besides the API's own.
   */
  static JerseyApplication startBuilding(List<Object> extraProviders, ControlApi control) {
    JerseyApplication application = new JerseyApplication();
    Thread thread =
        new Thread(
            () -> {
              try {
                ResourceConfig resources =
                    GraphRestApi.resourceConfig(
                        new LateVerifier(application.verifier),
                        type -> application.injector.join().getInstance(type),
                        control);
                extraProviders.forEach(resources::register);
                application.container.complete(
                    new JettyHttpContainerProvider()
                        .createContainer(JettyHttpContainer.class, resources));
              } catch (RuntimeException | Error e) {
                application.container.completeExceptionally(e);
              }
            },
            "jersey-init");
    thread.setDaemon(true);
    thread.start();
    return application;
  }

  /** Hands the application its injector, where the verifier and the resources come from. */
  void injectorReady(Injector ready) {
    verifier.complete(ready.getInstance(AccessTokenVerifier.class));
    injector.complete(ready);
  }

  /** The composition failed: the application is disposed of once built. */
  void abandon(Throwable failure) {
    injector.completeExceptionally(failure);
    verifier.completeExceptionally(failure);
    // Nothing waits for the disposal: it logs its own failure, and a container that failed to
    // build has nothing to dispose of (that failure is the one await reports).
    var unused = container.thenAccept(JerseyApplication::disposeQuietly);
  }

  /**
   * The built application as a Jetty handler, waiting at most {@code timeout} for it.
   *
   * @throws ServerStartException if it could not be built in time
   */
  JettyHttpContainer await(Duration timeout, String where) {
    try {
      return container.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted while starting the HTTP server", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ServerStartException(
          "cannot create the HTTP server for %s: %s".formatted(where, cause), cause);
    }
  }

  private static void disposeQuietly(JettyHttpContainer built) {
    try {
      built.doStop();
    } catch (Exception e) {
      LOG.debug("Disposing of Jersey after a failed start", e);
    }
  }
}
