package org.devicemanagement.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The offboarding loop IT teams run today, written the way the PowerShell loop works: for each
 * user, one {@code Remove-MgAllUserDeviceFromManagement} (one HTTP call), whose SDK retries a 429,
 * 503 or 504 up to 3 times after {@code Retry-After} (or 3 s doubling when there is none), and
 * reports any other error and goes on to the next user.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.devicemanagement.benchmarks.OneCallLoop GRAPH_BASE
 * TOKEN_FILE USERS_FILE}; prints one line of figures.
 */
public final class OneCallLoop {

  private static final int MAX_RETRIES = 3;

  private OneCallLoop() {}

  /** Runs the loop. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: OneCallLoop GRAPH_BASE TOKEN_FILE USERS_FILE");
      System.exit(2);
    }
    String base = args[0].replaceAll("/+$", "");
    String token = Files.readString(Path.of(args[1])).strip();
    List<String> users =
        Files.readAllLines(Path.of(args[2])).stream()
            .map(String::strip)
            .filter(line -> line.contains("@"))
            .toList();
    HttpClient client = HttpClient.newHttpClient();
    int accepted = 0;
    int failed = 0;
    int throttled = 0;
    long started = System.nanoTime();
    for (String user : users) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + "/users/"
                          + URLEncoder.encode(user, StandardCharsets.UTF_8)
                          + "/removeAllDevicesFromManagement"))
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      for (int attempt = 0; ; attempt++) {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          accepted++;
          break;
        }
        boolean retried = status == 429 || status == 503 || status == 504;
        if (retried) {
          throttled++;
        }
        if (!retried || attempt >= MAX_RETRIES) {
          failed++;
          break;
        }
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        Duration wait =
            retryAfter
                .map(v -> Duration.ofMillis((long) (Double.parseDouble(v) * 1000)))
                .orElse(Duration.ofSeconds(3L << attempt));
        Thread.sleep(wait.toMillis());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "one-call loop: %d users, %d accepted, %d failed, %d throttled answers, %.1f s,"
                + " %.2f retire-alls/s",
            users.size(),
            accepted,
            failed,
            throttled,
            seconds,
            accepted / seconds));
  }
}
