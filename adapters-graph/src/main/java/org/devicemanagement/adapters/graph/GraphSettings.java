package org.devicemanagement.adapters.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the adapter reaches Microsoft Graph: where, how long it waits, and how often it retries.
 *
 * @param baseUrl the Graph root including the version, without a trailing slash, for example {@link
 *     #GLOBAL}; must be HTTPS except on loopback (tests, a local gateway)
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for one response, from sending the request to its last
 *     byte
 * @param maxRetries how many times a throttled or unavailable request (429, 503, 504) is retried
 * @param initialBackoff the first backoff step when Graph gives no {@code Retry-After}; it doubles
 *     on each retry and a random fraction of it (full jitter) is waited
 * @param maxDelay the longest single wait between two attempts, whatever Graph asks
 * @param callDeadline the longest one logical request may take, retries and waits included
 * @param userAgent the {@code User-Agent} header sent with every request
 * @param maxConcurrentCalls the most logical requests in flight to Graph at once, each held from
 *     its first attempt to its last answer, retries and waits included; one more fails at once as
 *     {@code BACKEND_SATURATED} rather than wait, so that a slow or hung Graph holds at most this
 *     many of the callers' threads
 */
public record GraphSettings(
    URI baseUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxDelay,
    Duration callDeadline,
    String userAgent,
    int maxConcurrentCalls) {

  /** Microsoft Graph v1.0 in the global cloud. */
  public static final URI GLOBAL = URI.create("https://graph.microsoft.com/v1.0");

  /** Microsoft Graph v1.0 for US Government L4 (GCC High). */
  public static final URI US_GOVERNMENT = URI.create("https://graph.microsoft.us/v1.0");

  /** Microsoft Graph v1.0 for US Government L5 (DoD). */
  public static final URI US_GOVERNMENT_DOD = URI.create("https://dod-graph.microsoft.us/v1.0");

  /** Microsoft Graph v1.0 in China, operated by 21Vianet. */
  public static final URI CHINA = URI.create("https://microsoftgraph.chinacloudapi.cn/v1.0");

  /** The default number of retries of a throttled or unavailable request. */
  public static final int DEFAULT_MAX_RETRIES = 3;

  /** The default cap on any single wait between attempts. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(3);

  /**
   * The default bulkhead: at most 64 calls to Graph in flight at once, about a third of the 200
   * request threads of this project's server, so that a hung Graph leaves most of them free.
   */
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;

  /** The default User-Agent. */
  public static final String DEFAULT_USER_AGENT = "device-management/0.1.0";

  private static final int RETRY_LIMIT = 10;
  private static final int CONCURRENT_CALLS_LIMIT = 10_000;
  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** Checks every value and normalizes the base URL (no trailing slash). */
  public GraphSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(callDeadline, "callDeadline");
    Objects.requireNonNull(userAgent, "userAgent");
    baseUrl = checkBaseUrl(baseUrl);
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("requestTimeout", requestTimeout);
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxDelay", maxDelay);
    requirePositive("callDeadline", callDeadline);
    if (maxRetries < 0 || maxRetries > RETRY_LIMIT) {
      throw new IllegalArgumentException(
          "maxRetries must be between 0 and %d, was %d".formatted(RETRY_LIMIT, maxRetries));
    }
    if (maxConcurrentCalls < 1 || maxConcurrentCalls > CONCURRENT_CALLS_LIMIT) {
      throw new IllegalArgumentException(
          "maxConcurrentCalls must be between 1 and %d, was %d"
              .formatted(CONCURRENT_CALLS_LIMIT, maxConcurrentCalls));
    }
    if (userAgent.isBlank() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "userAgent must be printable ASCII and not blank, was '%s'".formatted(userAgent));
    }
  }

  /**
   * The defaults against {@code baseUrl}: connect timeout 10 s, request timeout 30 s, 3 retries,
   * backoff from 1 s, any wait capped at 180 s, 2 min per logical request, at most 64 requests in
   * flight.
   */
  public static GraphSettings defaults(URI baseUrl) {
    return new GraphSettings(
        baseUrl,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        DEFAULT_MAX_RETRIES,
        Duration.ofSeconds(1),
        DEFAULT_MAX_DELAY,
        Duration.ofMinutes(2),
        DEFAULT_USER_AGENT,
        DEFAULT_MAX_CONCURRENT_CALLS);
  }

  /** The defaults against the global cloud, {@link #GLOBAL}. */
  public static GraphSettings defaults() {
    return defaults(GLOBAL);
  }

  /** These settings with another base URL. */
  public GraphSettings withBaseUrl(URI value) {
    return new GraphSettings(
        value,
        connectTimeout,
        requestTimeout,
        maxRetries,
        initialBackoff,
        maxDelay,
        callDeadline,
        userAgent,
        maxConcurrentCalls);
  }

  /** These settings with other connect and request timeouts. */
  public GraphSettings withTimeouts(Duration connect, Duration request) {
    return new GraphSettings(
        baseUrl,
        connect,
        request,
        maxRetries,
        initialBackoff,
        maxDelay,
        callDeadline,
        userAgent,
        maxConcurrentCalls);
  }

  /** These settings with another retry policy. */
  public GraphSettings withRetries(int retries, Duration backoff, Duration delayCap) {
    return new GraphSettings(
        baseUrl,
        connectTimeout,
        requestTimeout,
        retries,
        backoff,
        delayCap,
        callDeadline,
        userAgent,
        maxConcurrentCalls);
  }

  /** These settings with another deadline per logical request. */
  public GraphSettings withCallDeadline(Duration value) {
    return new GraphSettings(
        baseUrl,
        connectTimeout,
        requestTimeout,
        maxRetries,
        initialBackoff,
        maxDelay,
        value,
        userAgent,
        maxConcurrentCalls);
  }

  /** These settings with another User-Agent. */
  public GraphSettings withUserAgent(String value) {
    return new GraphSettings(
        baseUrl,
        connectTimeout,
        requestTimeout,
        maxRetries,
        initialBackoff,
        maxDelay,
        callDeadline,
        value,
        maxConcurrentCalls);
  }

  /**
   * These settings with another bulkhead: at most {@code value} requests in flight to Graph at
   * once.
   */
  public GraphSettings withMaxConcurrentCalls(int value) {
    return new GraphSettings(
        baseUrl,
        connectTimeout,
        requestTimeout,
        maxRetries,
        initialBackoff,
        maxDelay,
        callDeadline,
        userAgent,
        value);
  }

  private static URI checkBaseUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || host.isEmpty()) {
      throw new IllegalArgumentException(
          "baseUrl '%s' must be an absolute URL with a host".formatted(url));
    }
    // A bearer token must never travel in clear text, except to this machine.
    if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK_HOSTS.contains(host))) {
      throw new IllegalArgumentException(
          "baseUrl '%s' must use https (http is allowed for loopback only)".formatted(url));
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl '%s' must have no user info, query or fragment".formatted(url));
    }
    String text = url.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("%s must be positive, was %s".formatted(name, value));
    }
  }
}
