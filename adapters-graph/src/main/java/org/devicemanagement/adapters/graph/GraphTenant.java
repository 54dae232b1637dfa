package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.application.port.out.UserDirectory;
import org.jspecify.annotations.Nullable;

/**
 * One Microsoft Graph tenant reached over HTTPS with a delegated token: the entry point that gives
 * the application's outbound ports, {@link #users()} and {@link #devices()}, sharing one HTTP
 * client.
 *
 * <p>Every request carries a fresh {@code client-request-id}; throttling (429) and unavailability
 * (503, 504) are retried as {@link GraphSettings} says. Failures surface as the application's
 * failures: {@link BackendRejectedTokenException} (401), {@link BackendForbiddenException} (403),
 * {@link BackendUnavailableException} (everything else, including malformed responses), each
 * carrying Graph's {@code request-id} and our {@code client-request-id}. At most {@link
 * GraphSettings#maxConcurrentCalls()} requests are in flight at once across all of the tenant's
 * ports; one more fails at once. Every call runs on the caller's thread. Instances are thread-safe.
 */
public final class GraphTenant {

  private final GraphSettings settings;
  private final GraphUserDirectory users;
  private final GraphManagedDevices devices;
  private final GraphUsersOrStandIns usersOrStandIns;
  private final GraphBatchRetirement batchRetirement;
  private final GraphBulkRetirement bulkRetirement;

  private GraphTenant(Builder builder) {
    this.settings = builder.settings;
    HttpClient client =
        builder.httpClient != null
            ? builder.httpClient
            // The client's own executor is left as is: a request waiting on Graph holds none of its
            // threads (the caller's thread waits), and the bulkhead bounds the requests in flight.
            : HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // A redirect would carry the bearer token to wherever it points: never follow.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    GraphHttp http =
        new GraphHttp(
            settings,
            builder.credentials,
            client,
            builder.clock,
            builder.sleeper,
            new RetryDelays(settings.initialBackoff(), settings.maxDelay(), builder.random),
            new ObjectMapper());
    this.users = new GraphUserDirectory(http);
    this.devices = new GraphManagedDevices(http);
    this.usersOrStandIns = new GraphUsersOrStandIns(users);
    this.batchRetirement = new GraphBatchRetirement(http);
    this.bulkRetirement = new GraphBulkRetirement(http);
  }

  /**
   * A tenant reached with {@code settings} and {@code credentials}, waiting and timing for real.
   */
  public static GraphTenant connect(GraphSettings settings, GraphCredentials credentials) {
    return builder(settings, credentials).build();
  }

  /** Starts a tenant whose clock, sleeper, jitter and HTTP client can be replaced. */
  public static Builder builder(GraphSettings settings, GraphCredentials credentials) {
    return new Builder(settings, credentials);
  }

  /** The tenant's users, as the application's {@link UserDirectory}. */
  public GraphUserDirectory users() {
    return users;
  }

  /**
   * The tenant's users as the device operations need them: a user Graph refuses to describe (403)
   * stands in as the request named it, so that device calls need no user-reading scope; see {@link
   * GraphUsersOrStandIns}.
   */
  public GraphUsersOrStandIns usersOrStandIns() {
    return usersOrStandIns;
  }

  /**
   * The tenant's managed devices, as the application's device ports ({@code UserDeviceListing},
   * {@code ManagedDeviceLookup}, {@code DeviceRetirement}).
   */
  public GraphManagedDevices devices() {
    return devices;
  }

  /**
   * Retire-all for many users at once through Graph's JSON batching, with a result per user, for
   * systems embedding this adapter; see {@link GraphBatchRetirement}.
   */
  public GraphBatchRetirement batchRetirement() {
    return batchRetirement;
  }

  /**
   * Many users' devices read, and retired, in batches of up to 20 with an answer per user and no
   * retry of a throttled user: the application's {@code BulkRetirement}, which an offboarding run
   * paces itself.
   */
  public BulkRetirement bulkRetirement() {
    return bulkRetirement;
  }

  /** The settings this tenant is reached with. */
  public GraphSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "GraphTenant[" + settings.baseUrl() + "]";
  }

  /**
   * Builds a {@link GraphTenant}; every collaborator but the settings and credentials has a
   * default.
   */
  public static final class Builder {
    private final GraphSettings settings;
    private final GraphCredentials credentials;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = new Random();
    private @Nullable HttpClient httpClient;

    private Builder(GraphSettings settings, GraphCredentials credentials) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** The clock that deadlines and HTTP-date {@code Retry-After} values are measured with. */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** What waits between attempts. */
    public Builder sleeper(Sleeper value) {
      sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** The random source of the backoff's jitter. */
    public Builder random(RandomGenerator value) {
      random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * The HTTP client to use (a proxy, a custom TLS context); it then owns the connect timeout and
     * must not follow redirects.
     */
    public Builder httpClient(HttpClient value) {
      httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /** The tenant. */
    public GraphTenant build() {
      return new GraphTenant(this);
    }
  }
}
