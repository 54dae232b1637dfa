package org.devicemanagement.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Forwards every request to a server after a fixed delay, as a network and a distant Graph add
 * round-trip time, so that a client's pattern of calls (one at a time, or batched) meets a latency
 * like real Graph's.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.devicemanagement.benchmarks.LatencyProxy PORT
 * TARGET_ROOT LATENCY_MS}, for example {@code 18081 http://localhost:18080 250}; it prints {@code
 * ready} when listening.
 */
public final class LatencyProxy {

  private static final Set<String> FORWARDED_REQUEST_HEADERS =
      Set.of("authorization", "content-type", "accept", "client-request-id");
  private static final Set<String> RETURNED_HEADERS =
      Set.of("content-type", "retry-after", "request-id", "client-request-id", "location");

  private LatencyProxy() {}

  /** Starts the proxy. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: LatencyProxy PORT TARGET_ROOT LATENCY_MS");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    String target = args[1].replaceAll("/+$", "");
    long latencyMs = Long.parseLong(args[2]);
    HttpClient client = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> forward(exchange, client, target, latencyMs));
    server.start();
    System.out.println("ready");
  }

  private static void forward(HttpExchange exchange, HttpClient client, String target, long delay)
      throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Thread.sleep(delay);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (FORWARDED_REQUEST_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (RETURNED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
              });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
