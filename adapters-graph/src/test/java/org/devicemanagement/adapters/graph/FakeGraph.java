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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted Microsoft Graph on loopback: it answers queued {@link Reply}s in order (or asks a router
 * when the queue is empty), stamps each answer with a fresh {@code request-id}, and records every
 * request it received.
 */
final class FakeGraph implements AutoCloseable {

  /** A request as the fake received it, with the {@code request-id} it answered with. */
  record Recorded(
      String method, String rawPath, String rawQuery, Map<String, String> headers, String requestId) {

    String header(String name) {
      return headers.getOrDefault(name, "");
    }

    /** Path and query as sent, for example {@code /v1.0/users/x?$select=id}. */
    String target() {
      return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
  }

  /** One scripted answer. */
  record Reply(int status, String body, Map<String, String> headers, boolean stalls) {

    /** A JSON answer with extra headers given as name, value, name, value... */
    static Reply json(int status, String body, String... headerPairs) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json; odata.metadata=minimal");
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        headers.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Reply(status, body, headers, false);
    }

    /** {@code 204 No Content}. */
    static Reply noContent() {
      return new Reply(204, "", Map.of(), false);
    }

    /** An answer whose headers never come: the exchange waits until the fake closes. */
    static Reply stall() {
      return new Reply(0, "", Map.of(), true);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Recorded> requests = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Function<Recorded, Reply> router;

  private FakeGraph(Function<Recorded, Reply> router) throws IOException {
    this.router = router;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A fake that answers only what is queued (500 "unscripted" otherwise). */
  static FakeGraph start() {
    return start(
        request ->
            Reply.json(
                500,
                GraphTestData.errorBody("generalException", "unscripted request " + request.target())));
  }

  /** A fake that asks {@code router} when nothing is queued. */
  static FakeGraph start(Function<Recorded, Reply> router) {
    try {
      return new FakeGraph(router);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Graph", e);
    }
  }

  /** Graph's root on this fake, for example {@code http://127.0.0.1:41234/v1.0}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
  }

  /** The origin, without the version. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeGraph enqueue(Reply... replies) {
    synchronized (script) {
      script.addAll(List.of(replies));
    }
    return this;
  }

  List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  Recorded lastRequest() {
    List<Recorded> all = requests();
    return all.get(all.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
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
      if (reply.stalls()) {
        closed.await(30, TimeUnit.SECONDS);
        return;
      }
      exchange.getResponseHeaders().set("request-id", requestId);
      exchange.getResponseHeaders().set("client-request-id", headers.getOrDefault("client-request-id", requestId));
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
    } catch (RuntimeException e) {
      // A broken router must show up in the test's output rather than vanish in the server thread.
      e.printStackTrace();
      throw e;
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
