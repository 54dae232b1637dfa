package org.devicemanagement.adapters.rest.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Intune's published throttling limits for its "devices" bucket, counted per tenant and per caller
 * application in fixed 20-second windows: writes 200 per application and 400 per tenant, any
 * request 2,000 per application and 4,000 per tenant. A window opens with the first request after
 * the previous one closed. A refused request counts against nothing. Thread-safe.
 */
public final class IntuneThrottle {

  /** The length of a window. */
  public static final Duration WINDOW = Duration.ofSeconds(20);

  /** Writes one application may send to one tenant in a window. */
  public static final int APPLICATION_WRITES = 200;

  /** Writes all applications together may send to one tenant in a window. */
  public static final int TENANT_WRITES = 400;

  /** Requests of any kind one application may send to one tenant in a window. */
  public static final int APPLICATION_REQUESTS = 2_000;

  /** Requests of any kind all applications together may send to one tenant in a window. */
  public static final int TENANT_REQUESTS = 4_000;

  private static final long WINDOW_MILLIS = WINDOW.toMillis();
  private static final String APPLICATION_WRITES_LIMIT =
      limit(APPLICATION_WRITES, "writes", "per application per tenant");
  private static final String TENANT_WRITES_LIMIT = limit(TENANT_WRITES, "writes", "per tenant");
  private static final String APPLICATION_REQUESTS_LIMIT =
      limit(APPLICATION_REQUESTS, "requests", "per application per tenant");
  private static final String TENANT_REQUESTS_LIMIT =
      limit(TENANT_REQUESTS, "requests", "per tenant");

  private final Clock clock;
  private final ConcurrentHashMap<String, TenantWindows> tenants = new ConcurrentHashMap<>();

  /** Limits whose windows are measured by {@code clock}. */
  public IntuneThrottle(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a refused request passed, and how long until the window that refused it closes. */
  public record Refusal(String limit, Duration retryAfter) {

    /** Checks both parts; the wait is positive. */
    public Refusal {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter %s is not positive".formatted(retryAfter));
      }
    }
  }

  /**
   * Counts one request of the application {@code appId} to the tenant {@code tenantId} (a write
   * when {@code write}), or refuses it when a limit is already reached in its window.
   *
   * @return empty when admitted (and counted); the refusal otherwise (nothing counted)
   */
  public Optional<Refusal> admit(String tenantId, String appId, boolean write) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(appId, "appId");
    TenantWindows windows = tenants.computeIfAbsent(tenantId, id -> new TenantWindows());
    long now = clock.millis();
    synchronized (windows) {
      return windows.admit(appId, write, now);
    }
  }

  private static String limit(int count, String what, String per) {
    return String.format(
        Locale.ROOT, "%,d %s per %d seconds %s", count, what, WINDOW.toSeconds(), per);
  }

  /** Forgets every window, as at start. */
  public void reset() {
    tenants.clear();
  }

  /** One tenant's window and its applications' windows; guarded by its own monitor. */
  private static final class TenantWindows {
    private final Window tenant = new Window();
    private final Map<String, Window> applications = new HashMap<>();

    Optional<Refusal> admit(String appId, boolean write, long now) {
      if (tenant.rollIfClosed(now)) {
        forgetClosedApplicationWindows(now);
      }
      Window application = applications.computeIfAbsent(appId, id -> new Window());
      application.rollIfClosed(now);
      Optional<Refusal> refusal = Optional.empty();
      if (write) {
        refusal =
            longest(
                refusal,
                application.refusalIf(
                    application.writes >= APPLICATION_WRITES, APPLICATION_WRITES_LIMIT, now));
        refusal =
            longest(
                refusal,
                tenant.refusalIf(tenant.writes >= TENANT_WRITES, TENANT_WRITES_LIMIT, now));
      }
      refusal =
          longest(
              refusal,
              application.refusalIf(
                  application.requests >= APPLICATION_REQUESTS, APPLICATION_REQUESTS_LIMIT, now));
      refusal =
          longest(
              refusal,
              tenant.refusalIf(tenant.requests >= TENANT_REQUESTS, TENANT_REQUESTS_LIMIT, now));
      if (refusal.isEmpty()) {
        application.count(write);
        tenant.count(write);
      }
      return refusal;
    }

    // Applications that stopped calling must not be remembered forever.
    private void forgetClosedApplicationWindows(long now) {
      for (Iterator<Window> it = applications.values().iterator(); it.hasNext(); ) {
        if (it.next().closedAt(now)) {
          it.remove();
        }
      }
    }

    // The refusal with the longest wait, so that a request retried after it is admitted by all.
    private static Optional<Refusal> longest(Optional<Refusal> current, Optional<Refusal> other) {
      if (current.isEmpty()) {
        return other;
      }
      if (other.isEmpty()) {
        return current;
      }
      return other.get().retryAfter().compareTo(current.get().retryAfter()) > 0 ? other : current;
    }
  }

  /** One fixed window: when it opened and what it has counted. */
  private static final class Window {
    private long openedAt;
    private boolean open;
    private int requests;
    private int writes;

    boolean closedAt(long now) {
      // A clock set back also closes the window, so nothing waits for a window from the future.
      return !open || now >= openedAt + WINDOW_MILLIS || now < openedAt;
    }

    /** Opens a new window at {@code now} when the last one closed; whether it did. */
    boolean rollIfClosed(long now) {
      if (!closedAt(now)) {
        return false;
      }
      open = true;
      openedAt = now;
      requests = 0;
      writes = 0;
      return true;
    }

    Optional<Refusal> refusalIf(boolean reached, String limit, long now) {
      return reached
          ? Optional.of(
              new Refusal(limit, Duration.ofMillis(Math.max(1, openedAt + WINDOW_MILLIS - now))))
          : Optional.empty();
    }

    void count(boolean write) {
      requests++;
      if (write) {
        writes++;
      }
    }
  }
}
