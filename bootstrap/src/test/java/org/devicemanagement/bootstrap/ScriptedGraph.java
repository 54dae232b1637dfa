package org.devicemanagement.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted Microsoft Graph on loopback for the gateway's tests: a router (replaceable while
 * running, to make Graph fail and recover) answers each request, possibly late or by dropping the
 * connection; every answer carries a fresh Graph {@code request-id}; every request is recorded.
 */
final class ScriptedGraph implements AutoCloseable {

  /** A request as the fake received it, and the Graph request-id it was answered with. */
  record Seen(String method, String target, Map<String, String> headers, String requestId) {
    String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }

  /** One answer: a status and body, late by {@code delay}, or a dropped connection. */
  record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean drop) {

    static Reply json(int status, String body, String... headerPairs) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json; odata.metadata=minimal");
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Reply(status, body, headers, Duration.ZERO, false);
    }

    static Reply noContent() {
      return new Reply(204, "", Map.of(), Duration.ZERO, false);
    }

    /** Graph's error envelope with {@code code} and {@code message}. */
    static Reply error(int status, String code, String message, String... headerPairs) {
      return json(
          status,
          "{\"error\":{\"code\":\"%s\",\"message\":%s,\"innerError\":{\"date\":\"2025-06-02T10:15:30\"}}}"
              .formatted(code, quoted(message)),
          headerPairs);
    }

    /** The connection is closed without an answer. */
    static Reply dropConnection() {
      return new Reply(0, "", Map.of(), Duration.ZERO, true);
    }

    Reply after(Duration wait) {
      return new Reply(status, body, headers, wait, drop);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Seen> requests = new ArrayList<>();
  private volatile Function<Seen, Reply> router;

  private ScriptedGraph(Function<Seen, Reply> router) throws IOException {
    this.router = router;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static ScriptedGraph start(Function<Seen, Reply> router) {
    try {
      return new ScriptedGraph(router);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the scripted Graph", e);
    }
  }

  /** Graph's root on this fake, for example {@code http://127.0.0.1:41234/v1.0}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
  }

  /** From now on, {@code newRouter} answers. */
  void route(Function<Seen, Reply> newRouter) {
    router = Objects.requireNonNull(newRouter, "newRouter");
  }

  List<Seen> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  void forgetRequests() {
    synchronized (requests) {
      requests.clear();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      URI uri = exchange.getRequestURI();
      String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
      Seen seen =
          new Seen(exchange.getRequestMethod(), target, headers, UUID.randomUUID().toString());
      synchronized (requests) {
        requests.add(seen);
      }
      Reply reply = router.apply(seen);
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      if (reply.drop()) {
        // Closing an exchange before any header is sent closes the connection: no answer at all.
        return;
      }
      exchange.getResponseHeaders().set("request-id", seen.requestId());
      exchange.getResponseHeaders().set("client-request-id", seen.header("client-request-id"));
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
