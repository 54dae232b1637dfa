package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.port.out.OffboardingRuns;

/**
 * Offboarding runs kept in memory, lost when the process ends: for tests and embedders that keep no
 * store. Thread-safe: every call holds one lock, so a save is seen whole or not at all.
 */
public final class InMemoryOffboardingRuns implements OffboardingRuns {

  private static final Comparator<OffboardingRun> NEWEST_FIRST =
      Comparator.comparing(OffboardingRun::createdAt).thenComparing(OffboardingRun::id).reversed();

  /** A run's fields (its counts ignored) and its users by position. */
  private static final class Kept {
    private OffboardingRun run;
    private final NavigableMap<Integer, UserProgress> users;

    Kept(OffboardingRun run, NavigableMap<Integer, UserProgress> users) {
      this.run = run;
      this.users = users;
    }

    OffboardingRun counted() {
      return run.withCounts(OutcomeCounts.of(users.values()));
    }
  }

  private final Object lock = new Object();
  private final Map<String, Kept> runs = new HashMap<>();
  // The devices done users retired, by when they ended: the daily limit's count reads one span.
  private final NavigableMap<Instant, Integer> retiredAt = new TreeMap<>();

  @Override
  public void create(OffboardingRun run, List<UserProgress> users) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(users, "users");
    NavigableMap<Integer, UserProgress> byPosition = new TreeMap<>();
    for (UserProgress user : users) {
      Objects.requireNonNull(user, "user");
      if (byPosition.put(user.position(), user) != null) {
        throw new IllegalArgumentException(
            "run %s has two users at position %d".formatted(run.id(), user.position()));
      }
    }
    synchronized (lock) {
      if (runs.containsKey(run.id())) {
        throw new IllegalArgumentException("a run with id %s is kept".formatted(run.id()));
      }
      runs.put(run.id(), new Kept(run, byPosition));
      byPosition.values().forEach(user -> count(user, 1));
    }
  }

  @Override
  public Optional<OffboardingRun> find(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(runs.get(id)).map(Kept::counted);
    }
  }

  @Override
  public List<OffboardingRun> list() {
    List<OffboardingRun> all = new ArrayList<>();
    synchronized (lock) {
      for (Kept kept : runs.values()) {
        all.add(kept.counted());
      }
    }
    all.sort(NEWEST_FIRST);
    return all;
  }

  @Override
  public List<UserProgress> users(String id) {
    Objects.requireNonNull(id, "id");
    synchronized (lock) {
      return List.copyOf(kept(id).users.values());
    }
  }

  @Override
  public void save(String id, List<UserProgress> users, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      Kept kept = kept(id);
      for (UserProgress user : users) {
        Objects.requireNonNull(user, "user");
        if (!kept.users.containsKey(user.position())) {
          throw new IllegalArgumentException(
              "run %s has no user at position %d".formatted(id, user.position()));
        }
      }
      for (UserProgress user : users) {
        count(Objects.requireNonNull(kept.users.put(user.position(), user)), -1);
        count(user, 1);
      }
      kept.run = kept.run.withStatus(kept.run.status(), kept.run.detail(), at);
    }
  }

  @Override
  public void setStatus(String id, RunStatus status, String detail, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    synchronized (lock) {
      Kept kept = kept(id);
      kept.run = kept.run.withStatus(status, detail, at);
    }
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      return 0;
    }
    int retired = 0;
    synchronized (lock) {
      for (int devices : retiredAt.subMap(from, true, until, false).values()) {
        retired += devices;
      }
    }
    return retired;
  }

  /** Adds ({@code sign} 1) or takes away (-1) what {@code user} retired to {@link #retiredAt}. */
  private void count(UserProgress user, int sign) {
    if (user.outcome() == UserOutcome.DONE && user.devicesRetired() > 0) {
      retiredAt.merge(
          user.finishedAt().orElseThrow(),
          sign * user.devicesRetired(),
          (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  private Kept kept(String id) {
    Kept kept = runs.get(id);
    if (kept == null) {
      throw new IllegalArgumentException("no run has id %s".formatted(id));
    }
    return kept;
  }
}
