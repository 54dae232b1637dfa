package org.devicemanagement.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.port.out.OffboardingRuns;

/** Offboarding runs in two maps, guarded by the instance's lock. */
public final class FakeOffboardingRuns implements OffboardingRuns {

  private final Map<String, OffboardingRun> runs = new LinkedHashMap<>();
  private final Map<String, List<UserProgress>> users = new LinkedHashMap<>();

  @Override
  public synchronized void create(OffboardingRun run, List<UserProgress> progress) {
    if (runs.containsKey(run.id())) {
      throw new IllegalArgumentException("run " + run.id() + " exists");
    }
    List<UserProgress> sorted =
        progress.stream().sorted(Comparator.comparingInt(UserProgress::position)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).position() == sorted.get(i - 1).position()) {
        throw new IllegalArgumentException("two users at position " + sorted.get(i).position());
      }
    }
    runs.put(run.id(), run);
    users.put(run.id(), new ArrayList<>(sorted));
  }

  @Override
  public synchronized Optional<OffboardingRun> find(String id) {
    return Optional.ofNullable(runs.get(id))
        .map(run -> run.withCounts(OutcomeCounts.of(users.get(id))));
  }

  @Override
  public synchronized List<OffboardingRun> list() {
    return runs.keySet().stream()
        .map(id -> find(id).orElseThrow())
        .sorted(
            Comparator.comparing(OffboardingRun::createdAt)
                .thenComparing(OffboardingRun::id)
                .reversed())
        .toList();
  }

  @Override
  public synchronized List<UserProgress> users(String id) {
    List<UserProgress> progress = users.get(id);
    if (progress == null) {
      throw new IllegalArgumentException("no run " + id);
    }
    return List.copyOf(progress);
  }

  @Override
  public synchronized void save(String id, List<UserProgress> changed, Instant at) {
    List<UserProgress> progress = users.get(id);
    if (progress == null) {
      throw new IllegalArgumentException("no run " + id);
    }
    Map<Integer, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < progress.size(); i++) {
      index.put(progress.get(i).position(), i);
    }
    for (UserProgress user : changed) {
      if (!index.containsKey(user.position())) {
        throw new IllegalArgumentException("run " + id + " has no user at " + user.position());
      }
    }
    for (UserProgress user : changed) {
      progress.set(index.get(user.position()), user);
    }
    OffboardingRun run = runs.get(id);
    runs.put(id, run.withStatus(run.status(), run.detail(), at));
  }

  @Override
  public synchronized void setStatus(String id, RunStatus status, String detail, Instant at) {
    OffboardingRun run = runs.get(id);
    if (run == null) {
      throw new IllegalArgumentException("no run " + id);
    }
    runs.put(id, run.withStatus(status, detail, at));
  }

  @Override
  public synchronized int devicesRetiredBetween(Instant from, Instant until) {
    return users.values().stream()
        .flatMap(List::stream)
        .filter(u -> u.outcome() == UserOutcome.DONE)
        .filter(
            u ->
                u.finishedAt().isPresent()
                    && !u.finishedAt().get().isBefore(from)
                    && u.finishedAt().get().isBefore(until))
        .mapToInt(UserProgress::devicesRetired)
        .sum();
  }
}
