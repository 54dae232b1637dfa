package org.devicemanagement.bootstrap.server;

import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.devicemanagement.adapters.rest.conventions.ClientAddress;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's transport: Jetty listening where the settings say (HTTP, or HTTPS with a given TLS
 * context), answering what only Jetty sees (malformed requests, over-long headers) with Graph's
 * error envelope, and stopping gracefully. Every request it accepts goes to one handler, the Jersey
 * application.
 */
final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /**
   * Jetty's request threads. Every request runs on one of them; calls to Microsoft Graph in the
   * gateway take at most {@code GraphSettings.DEFAULT_MAX_CONCURRENT_CALLS} of them at once, so the
   * rest always serve other requests.
   */
  static final int MAX_THREADS = 200;

  /**
   * The listen backlog: connections the kernel queues while every acceptor is busy. Jetty's default
   * of 50 dropped connections when 2,000 clients connected at once; Linux caps the value at {@code
   * net.core.somaxconn} (4,096 on current kernels).
   */
  static final int ACCEPT_QUEUE_SIZE = 4096;

  private static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(200);

  private final Server jetty;
  private final ServerSettings settings;

  private HttpTransport(Server jetty, ServerSettings settings) {
    this.jetty = jetty;
    this.settings = settings;
  }

  /**
   * Jetty's server for {@code settings}, not yet listening (making it is a noticeable step, so it
   * is done while Jersey may still be building).
   */
  static HttpTransport create(ServerSettings settings, Optional<SSLContext> tls) {
    Server jetty =
        JettyHttpContainerFactory.createServer(
            uri(tls.isPresent() ? "https" : "http", settings.host(), settings.port()),
            tls.map(HttpTransport::sslContextFactory).orElse(null),
            null,
            false);
    ThreadPool threads = jetty.getThreadPool();
    if (threads instanceof QueuedThreadPool pool) {
      pool.setMaxThreads(MAX_THREADS);
    }
    // Jersey's Jetty factory ignores the host; bind where the settings say (loopback by default),
    // and let the OS pick port 0 atomically rather than Jersey's probe for a free port.
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost(isWildcard(settings.host()) ? null : settings.host());
        serverConnector.setPort(settings.port());
        serverConnector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        // Keep-alive connections that sit idle while stopping are closed soon, so they do not
        // hold up the stop; connections with a request in flight are left alone.
        serverConnector.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
        HttpConnectionFactory http =
            serverConnector.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          // Graph does not name its server software; neither do we.
          http.getHttpConfiguration().setSendServerVersion(false);
          http.getHttpConfiguration().setSendXPoweredBy(false);
        }
      }
    }
    // Requests Jetty refuses itself (bad URIs, over-long headers) get Graph's JSON error too.
    jetty.setErrorHandler(new GraphErrorHandler(Clock.systemUTC()));
    jetty.setStopTimeout(settings.shutdownGrace().toMillis());
    return new HttpTransport(jetty, settings);
  }

  /**
   * Serves every request with {@code application} and starts listening.
   *
   * @throws ServerStartException if the server cannot listen (for example, the port is in use)
   */
  void start(Handler application) {
    GracefulHandler graceful = new GracefulHandler();
    // A request whose client is gone must not hold the graceful stop for the whole grace.
    graceful.setHandler(new CompletingHandler(ClientAddress.around(application)));
    jetty.setHandler(graceful);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly();
      throw new ServerStartException(describeStartFailure(e), e);
    }
  }

  /** Stops accepting connections and waits for in-flight requests (at most the grace). */
  void stop() throws Exception {
    jetty.stop();
  }

  /** The port listened on (the chosen one when the settings asked for port 0). */
  int localPort() {
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        return serverConnector.getLocalPort();
      }
    }
    throw new IllegalStateException("Jetty has no server connector");
  }

  /** Where a server on {@code host:port} is reached, such as {@code http://localhost:8080/}. */
  static URI baseUri(boolean https, String host, int port) {
    return uri(https ? "https" : "http", isWildcard(host) ? "localhost" : host, port);
  }

  private String describeStartFailure(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return "cannot listen on %s:%d: the port is already in use (choose another with --port)"
            .formatted(settings.host(), settings.port());
      }
      if (cause instanceof UnresolvedAddressException) {
        return "cannot listen on %s:%d: the host name does not resolve (check --host)"
            .formatted(settings.host(), settings.port());
      }
    }
    return "cannot start the HTTP server on %s:%d: %s"
        .formatted(settings.host(), settings.port(), e);
  }

  private void stopQuietly() {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.debug("Cleaning up a server that failed to start", e);
    }
  }

  private static SslContextFactory.Server sslContextFactory(SSLContext context) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(context);
    return factory;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
  }

  private static URI uri(String scheme, String host, int port) {
    try {
      return new URI(scheme, null, host, port, "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("host '%s' is not valid in a URL".formatted(host), e);
    }
  }
}
