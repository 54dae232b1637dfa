package org.devicemanagement.adapters.graph;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted Microsoft Graph on loopback, for the adapter's tests and the gateway's: it answers
 * queued {@link Reply}s in order, or asks a router (replaceable while running, to make Graph fail
 * and recover) when the queue is empty; an answer may come late, never, or as a dropped connection;
 * each answer carries a fresh Graph {@code request-id}, and every request is recorded with its
 * headers and body.
 */
public final class FakeGraph implements AutoCloseable {

  /** A request as the fake received it, with the {@code request-id} it answered with. */
  public record Recorded(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, String> headers,
      String body,
      String requestId) {

    /** The first value of the request header {@code name} (any case); "" when absent. */
    public String header(String name) {
      return headers.getOrDefault(name, "");
    }

    /** Path and query as sent, for example {@code /v1.0/users/x?$select=id}. */
    public String target() {
      return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  /**
   * One scripted answer: a status, body and headers, sent after {@code delay}; or, as {@code
   * delivery} says, no answer until the fake closes, or a connection closed without an answer.
   */
  public record Reply(
      int status, String body, Map<String, String> headers, Duration delay, Delivery delivery) {

    /** How an answer reaches the client. */
    public enum Delivery {
      /** The answer is sent. */
      ANSWER,
      /** No header ever comes: the exchange waits until the fake closes. */
      STALL,
      /** The connection is closed without an answer. */
      DROP
    }

    /** A JSON answer with extra headers given as name, value, name, value... */
    public static Reply json(int status, String body, String... headerPairs) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json; odata.metadata=minimal");
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Reply(status, body, headers, Duration.ZERO, Delivery.ANSWER);
    }

    /** {@code 204 No Content}. */
    public static Reply noContent() {
      return new Reply(204, "", Map.of(), Duration.ZERO, Delivery.ANSWER);
    }

    /** Graph's error envelope with {@code code} and {@code message}, and extra headers. */
    public static Reply error(int status, String code, String message, String... headerPairs) {
      return json(status, GraphTestData.errorBody(code, message), headerPairs);
    }

    /** An answer whose headers never come: the exchange waits until the fake closes. */
    public static Reply stall() {
      return new Reply(0, "", Map.of(), Duration.ZERO, Delivery.STALL);
    }

    /** The connection is closed without an answer. */
    public static Reply dropConnection() {
      return new Reply(0, "", Map.of(), Duration.ZERO, Delivery.DROP);
    }

    /** This answer, sent only after {@code wait}. */
    public Reply after(Duration wait) {
      return new Reply(status, body, headers, wait, delivery);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Recorded> requests = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Function<Recorded, Reply> router;

  private FakeGraph(Function<Recorded, Reply> router) throws IOException {
    this.router = router;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A fake that answers only what is queued (500 "unscripted" otherwise). */
  public static FakeGraph start() {
    return start(
        request ->
            Reply.json(
                500,
                GraphTestData.errorBody(
                    "generalException", "unscripted request " + request.target())));
  }

  /** A fake that asks {@code router} when nothing is queued. */
  public static FakeGraph start(Function<Recorded, Reply> router) {
    Objects.requireNonNull(router, "router");
    try {
      return new FakeGraph(router);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Graph", e);
    }
  }

  /** Graph's root on this fake, for example {@code http://127.0.0.1:41234/v1.0}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
  }

  /** The origin, without the version. */
  public URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues {@code replies}, answered in order before the router is asked again. */
  public FakeGraph enqueue(Reply... replies) {
    synchronized (script) {
      script.addAll(List.of(replies));
    }
    return this;
  }

  /** From now on, {@code newRouter} answers whatever is not queued. */
  public void route(Function<Recorded, Reply> newRouter) {
    router = Objects.requireNonNull(newRouter, "newRouter");
  }

  /** Every request received so far, in order of arrival. */
  public List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The request received last. */
  public Recorded lastRequest() {
    List<Recorded> all = requests();
    return all.get(all.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      String requestId = UUID.randomUUID().toString();
      URI uri = exchange.getRequestURI();
      Recorded recorded =
          new Recorded(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              Optional.ofNullable(uri.getRawQuery()).orElse(""),
              headers,
              body,
              requestId);
      synchronized (requests) {
        requests.add(recorded);
      }
      Reply reply;
      synchronized (script) {
        reply = script.isEmpty() ? null : script.removeFirst();
      }
      if (reply == null) {
        reply = router.apply(recorded);
      }
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      switch (reply.delivery()) {
        case STALL -> {
          closed.await(30, TimeUnit.SECONDS);
          return;
        }
        // Closing an exchange before any header is sent closes the connection: no answer at all.
        case DROP -> {
          return;
        }
        case ANSWER -> respond(exchange, recorded, reply);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A broken router must show up in the test's output rather than vanish in the server thread.
      e.printStackTrace();
      throw e;
    }
  }

  private static void respond(HttpExchange exchange, Recorded request, Reply reply)
      throws IOException {
    exchange.getResponseHeaders().set("request-id", request.requestId());
    exchange
        .getResponseHeaders()
        .set(
            "client-request-id",
            request.headers().getOrDefault("client-request-id", request.requestId()));
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
