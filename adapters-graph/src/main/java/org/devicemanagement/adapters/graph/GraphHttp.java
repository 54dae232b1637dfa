package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.FailureKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical request to Graph: the headers every request carries, retries of 429/503/504
 * within the call's deadline, the mapping of every other failure to the application's failures, and
 * the bulkhead that bounds how many logical requests are in flight at once.
 */
final class GraphHttp {

  private static final Logger LOG = LoggerFactory.getLogger(GraphHttp.class);

  private static final Set<Integer> RETRIED = Set.of(429, 503, 504);

  /** How long a caller refused by the bulkhead is asked to wait: a few calls' time. */
  static final Duration SATURATED_RETRY_AFTER = Duration.ofSeconds(2);

  private static final String HEX = "0123456789ABCDEF";

  private final GraphSettings settings;
  private final GraphCredentials credentials;
  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryDelays delays;
  private final ObjectMapper json;
  private final Semaphore inFlight;

  GraphHttp(
      GraphSettings settings,
      GraphCredentials credentials,
      HttpClient client,
      Clock clock,
      Sleeper sleeper,
      RetryDelays delays,
      ObjectMapper json) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.delays = Objects.requireNonNull(delays, "delays");
    this.json = Objects.requireNonNull(json, "json");
    this.inFlight = new Semaphore(settings.maxConcurrentCalls());
  }

  /**
   * Sends {@code method uri} without a body, retrying throttling and unavailability; returns a 2xx
   * or 404 answer and maps every other outcome to a {@link DeviceManagementException}.
   *
   * <p>Runs on the calling thread (the credentials may be bound to it) and holds one of {@link
   * GraphSettings#maxConcurrentCalls()} places from the first attempt to the last answer, retries
   * and waits included; when none is free it fails at once as {@link
   * FailureKind#BACKEND_SATURATED}.
   */
  GraphResponse send(String method, URI uri) {
    String path = uri.getRawPath();
    // Waiting for a place would hold the caller's thread all the same: refuse instead.
    if (!inFlight.tryAcquire()) {
      throw logged(
          method,
          path,
          new BackendUnavailableException(
              FailureKind.BACKEND_SATURATED,
              "%d %s in flight to Microsoft Graph, the most allowed at once"
                  .formatted(
                      settings.maxConcurrentCalls(),
                      settings.maxConcurrentCalls() == 1 ? "call" : "calls"),
              0,
              "",
              "",
              "",
              "",
              Optional.of(SATURATED_RETRY_AFTER)));
    }
    try {
      return sendWithRetries(method, uri, path);
    } finally {
      inFlight.release();
    }
  }

  private GraphResponse sendWithRetries(String method, URI uri, String path) {
    Instant deadline = clock.instant().plus(settings.callDeadline());
    // The previous attempt's answer, so that a deadline passed while waiting still names it.
    int lastStatus = 0;
    String lastRequestId = "";
    String lastClientRequestId = "";
    for (int retry = 0; ; retry++) {
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw logged(
            method,
            path,
            new BackendUnavailableException(
                FailureKind.BACKEND_TIMEOUT,
                "the call's deadline of %s passed".formatted(seconds(settings.callDeadline())),
                lastStatus,
                "",
                "",
                lastRequestId,
                lastClientRequestId,
                Optional.empty()));
      }
      String clientRequestId = UUID.randomUUID().toString();
      HttpResponse<String> response = exchange(method, uri, path, remaining, clientRequestId);
      int status = response.statusCode();
      String requestId = response.headers().firstValue("request-id").orElse("");
      if ((status >= 200 && status < 300) || status == 404) {
        LOG.debug(
            "Graph answered {} to {} {} (request-id: {}, client-request-id: {})",
            status,
            method,
            path,
            requestId,
            clientRequestId);
        return new GraphResponse(method, path, status, response.body(), requestId, clientRequestId);
      }
      ReceivedGraphError error = ReceivedGraphError.parse(response.body(), json);
      if (requestId.isEmpty()) {
        requestId = error.requestId();
      }
      Optional<Duration> retryAfter =
          response
              .headers()
              .firstValue("Retry-After")
              .flatMap(value -> RetryDelays.parseRetryAfter(value, clock.instant()));
      if (!RETRIED.contains(status)) {
        throw logged(method, path, failure(status, error, requestId, clientRequestId, retryAfter));
      }
      if (retry >= settings.maxRetries()) {
        throw logged(
            method,
            path,
            new BackendUnavailableException(
                kindOf(status),
                "Graph still answered %d after %d %s"
                    .formatted(status, retry, retry == 1 ? "retry" : "retries"),
                status,
                error.code(),
                error.message(),
                requestId,
                clientRequestId,
                retryAfter));
      }
      Duration delay = delays.before(retry + 1, retryAfter);
      if (clock.instant().plus(delay).isAfter(deadline)) {
        throw logged(
            method,
            path,
            new BackendUnavailableException(
                status == 429 ? FailureKind.BACKEND_THROTTLED : FailureKind.BACKEND_TIMEOUT,
                "waiting %s before retrying would pass the call's deadline of %s"
                    .formatted(seconds(delay), seconds(settings.callDeadline())),
                status,
                error.code(),
                error.message(),
                requestId,
                clientRequestId,
                retryAfter));
      }
      LOG.warn(
          "Graph answered {} to {} {}; retry {}/{} in {} (Retry-After: {}; request-id: {},"
              + " client-request-id: {})",
          status,
          method,
          path,
          retry + 1,
          settings.maxRetries(),
          seconds(delay),
          retryAfter.map(GraphHttp::seconds).orElse("none"),
          requestId,
          clientRequestId);
      pause(delay, method, path, requestId, clientRequestId);
      lastStatus = status;
      lastRequestId = requestId;
      lastClientRequestId = clientRequestId;
    }
  }

  /**
   * Parses a 2xx body as a JSON object, failing clearly when it is empty, cut short or not JSON.
   */
  JsonNode jsonObject(GraphResponse response) {
    JsonNode node;
    try {
      node = json.readTree(response.body());
    } catch (JacksonException e) {
      throw malformed(response, "the body is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw malformed(response, "the body is not a JSON object", null);
    }
    return node;
  }

  /** A failure for a {@code response} that is not what Graph's contract promises. */
  BackendUnavailableException malformed(
      GraphResponse response, String why, @Nullable Throwable cause) {
    String reason =
        "malformed response to %s %s: %s".formatted(response.method(), response.path(), why);
    BackendUnavailableException failure =
        cause == null
            ? new BackendUnavailableException(
                FailureKind.BACKEND_UNAVAILABLE,
                reason,
                response.status(),
                "",
                "",
                response.requestId(),
                response.clientRequestId(),
                Optional.empty())
            : new BackendUnavailableException(
                FailureKind.BACKEND_UNAVAILABLE,
                reason,
                response.status(),
                "",
                "",
                response.requestId(),
                response.clientRequestId(),
                Optional.empty(),
                cause);
    LOG.warn("{}", failure.getMessage());
    return failure;
  }

  /** {@code pathAndQuery} (already encoded) under the base URL. */
  URI uri(String pathAndQuery) {
    return URI.create(settings.baseUrl() + pathAndQuery);
  }

  /** Fails unless Graph answered {@code expected}. */
  void requireStatus(GraphResponse response, int expected) {
    if (response.status() != expected) {
      throw malformed(
          response, "expected HTTP %d, got %d".formatted(expected, response.status()), null);
    }
  }

  /**
   * Runs a JSON-to-domain {@code mapping}, turning its {@link IllegalArgumentException} into a
   * clear failure.
   */
  <T> T read(GraphResponse response, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (IllegalArgumentException e) {
      throw malformed(
          response, Objects.requireNonNullElse(e.getMessage(), "unreadable content"), e);
    }
  }

  /**
   * The {@code @odata.nextLink} of a page, checked: a string, a URL on Graph's own origin (the
   * token goes wherever the link points) and not a page already {@code visited}.
   */
  URI nextLink(GraphResponse response, JsonNode link, Set<URI> visited) {
    if (!link.isTextual()) {
      throw malformed(response, "'@odata.nextLink' is not a string", null);
    }
    URI next;
    try {
      next = new URI(link.asText());
    } catch (URISyntaxException e) {
      throw malformed(response, "'@odata.nextLink' is not a URL", e);
    }
    if (!next.isAbsolute() || !origin(next).equals(origin(settings.baseUrl()))) {
      throw malformed(
          response,
          "'@odata.nextLink' points away from %s".formatted(origin(settings.baseUrl())),
          null);
    }
    if (!visited.add(next)) {
      throw malformed(response, "'@odata.nextLink' repeats an earlier page", null);
    }
    return next;
  }

  /**
   * Whether {@code value} can name a resource as one path segment ({@code .} and {@code ..}
   * cannot).
   */
  static boolean usableSegment(String value) {
    return !value.isBlank() && !value.equals(".") && !value.equals("..");
  }

  /** Percent-encodes one path segment: everything but RFC 3986 unreserved characters and '@'. */
  static String segment(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '@') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return encoded.toString();
  }

  private static String origin(URI uri) {
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    String host = Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
    return scheme + "://" + host + ":" + port;
  }

  private HttpResponse<String> exchange(
      String method, URI uri, String path, Duration remaining, String clientRequestId) {
    Duration timeout =
        remaining.compareTo(settings.requestTimeout()) < 0 ? remaining : settings.requestTimeout();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("client-request-id", clientRequestId)
            .header("User-Agent", settings.userAgent())
            .header("Authorization", "Bearer " + credentials.bearerToken())
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw logged(
          method,
          path,
          noAnswer(
              FailureKind.BACKEND_TIMEOUT,
              "could not connect within %s".formatted(seconds(settings.connectTimeout())),
              clientRequestId,
              e));
    } catch (HttpTimeoutException e) {
      throw logged(
          method,
          path,
          noAnswer(
              FailureKind.BACKEND_TIMEOUT,
              "no complete response within %s".formatted(seconds(timeout)),
              clientRequestId,
              e));
    } catch (IOException e) {
      throw logged(
          method,
          path,
          noAnswer(
              FailureKind.BACKEND_UNAVAILABLE,
              "I/O error (%s)".formatted(describe(e)),
              clientRequestId,
              e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw logged(
          method,
          path,
          noAnswer(
              FailureKind.BACKEND_UNAVAILABLE,
              "interrupted while waiting for Graph",
              clientRequestId,
              e));
    }
  }

  private void pause(
      Duration delay, String method, String path, String requestId, String clientRequestId) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw logged(
          method,
          path,
          new BackendUnavailableException(
              FailureKind.BACKEND_UNAVAILABLE,
              "interrupted while waiting to retry",
              0,
              "",
              "",
              requestId,
              clientRequestId,
              Optional.empty(),
              e));
    }
  }

  private static DeviceManagementException failure(
      int status,
      ReceivedGraphError error,
      String requestId,
      String clientRequestId,
      Optional<Duration> retryAfter) {
    return switch (status) {
      case 401 ->
          new BackendRejectedTokenException(
              error.code(), error.message(), requestId, clientRequestId);
      case 403 ->
          new BackendForbiddenException(
              error.requiredScopes(), error.code(), error.message(), requestId, clientRequestId);
      default ->
          new BackendUnavailableException(
              kindOf(status),
              "Graph answered %d".formatted(status),
              status,
              error.code(),
              error.message(),
              requestId,
              clientRequestId,
              retryAfter);
    };
  }

  /** The kind of failure a final answer of {@code status} is. */
  private static FailureKind kindOf(int status) {
    return switch (status) {
      case 429 -> FailureKind.BACKEND_THROTTLED;
      case 504 -> FailureKind.BACKEND_TIMEOUT;
      default -> FailureKind.BACKEND_UNAVAILABLE;
    };
  }

  private static BackendUnavailableException noAnswer(
      FailureKind kind, String reason, String clientRequestId, Exception cause) {
    return new BackendUnavailableException(
        kind, reason, 0, "", "", "", clientRequestId, Optional.empty(), cause);
  }

  private static <E extends DeviceManagementException> E logged(
      String method, String path, E failure) {
    LOG.warn("Graph call {} {} failed: {}", method, path, failure.getMessage());
    return failure;
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
  }
}
