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
    return send(method, uri, null);
  }

  /**
   * As {@link #send(String, URI)}, with {@code jsonBody} as the request's body ({@code
   * Content-Type: application/json}) on every attempt.
   */
  GraphResponse sendJson(String method, URI uri, String jsonBody) {
    return send(method, uri, Objects.requireNonNull(jsonBody, "jsonBody"));
  }

  private GraphResponse send(String method, URI uri, @Nullable String jsonBody) {
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
      return sendWithRetries(method, uri, path, jsonBody);
    } finally {
      inFlight.release();
    }
  }

  private GraphResponse sendWithRetries(
      String method, URI uri, String path, @Nullable String jsonBody) {
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
      HttpResponse<String> response =
          exchange(method, uri, path, jsonBody, remaining, clientRequestId);
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
   * {@code link}'s path and query relative to the base URL, for example {@code
   * /deviceManagement/managedDevices?$skiptoken=x}; empty when the link is not under the base URL.
   */
  Optional<String> relativeToBase(URI link) {
    String basePath = Objects.requireNonNullElse(settings.baseUrl().getRawPath(), "");
    String path = link.getRawPath();
    if (!link.isAbsolute()
        || !origin(link).equals(origin(settings.baseUrl()))
        || link.getRawUserInfo() != null
        || link.getRawFragment() != null
        || path == null
        || !path.startsWith(basePath + "/")) {
      return Optional.empty();
    }
    String relative = path.substring(basePath.length());
    return Optional.of(link.getRawQuery() == null ? relative : relative + "?" + link.getRawQuery());
  }

  /**
   * The URL {@code relative} (as {@link #relativeToBase} made it) names under the base URL; empty
   * when it would name anything elsewhere (another origin, a path escaping the base).
   */
  Optional<URI> underBase(String relative) {
    if (!relative.startsWith("/") || relative.startsWith("//")) {
      return Optional.empty();
    }
    URI resolved;
    try {
      resolved = new URI(settings.baseUrl() + relative);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    for (String segment : resolved.getRawPath().split("/", -1)) {
      String dots = segment.replace("%2e", ".").replace("%2E", ".");
      if (dots.equals(".") || dots.equals("..")) {
        return Optional.empty();
      }
    }
    return relativeToBase(resolved).filter(relative::equals).map(ignored -> resolved);
  }

  /** The wait before retry number {@code retry} (1 for the first), as for every call. */
  Duration retryDelay(int retry, Optional<Duration> retryAfter) {
    return delays.before(retry, retryAfter);
  }

  /** Waits {@code delay} with the tenant's sleeper. */
  void sleep(Duration delay) throws InterruptedException {
    sleeper.sleep(delay);
  }

  /** The clock deadlines and HTTP-date {@code Retry-After} values are measured with. */
  Clock clock() {
    return clock;
  }

  /** The settings calls are made with. */
  GraphSettings settings() {
    return settings;
  }

  /** The JSON mapper of requests and answers. */
  ObjectMapper json() {
    return json;
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

  /** Percent-encodes one query option's value, as {@link #segment} does a path segment. */
  static String queryValue(String value) {
    return segment(value);
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
      String method,
      URI uri,
      String path,
      @Nullable String jsonBody,
      Duration remaining,
      String clientRequestId) {
    Duration timeout =
        remaining.compareTo(settings.requestTimeout()) < 0 ? remaining : settings.requestTimeout();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("client-request-id", clientRequestId)
            .header("User-Agent", settings.userAgent())
            .header("Authorization", "Bearer " + credentials.bearerToken());
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    HttpRequest request = builder.build();
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
