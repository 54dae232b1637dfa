package org.devicemanagement.adapters.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.graph.GraphBatches.BatchAnswer;
import org.devicemanagement.adapters.graph.GraphBatches.StepAnswer;
import org.devicemanagement.adapters.graph.UserRetireResult.Outcome;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendRejectedTokenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.FailureKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires every device of many users at once for systems embedding this adapter: Graph's user-level
 * {@code POST /users/{id | userPrincipalName}/removeAllDevicesFromManagement} for each user, sent
 * through Graph's JSON batching ({@code POST /$batch}, at most {@value #MAX_STEPS} steps a batch),
 * with one {@link UserRetireResult} per user.
 *
 * <p>Each batch request is one logical call of the tenant: the bulkhead, credentials, {@code
 * client-request-id} and the retries of a throttled or unavailable batch request (429, 503, 504)
 * all apply. Graph answers each step on its own; steps answered 429, 503 or 504 (Graph does not
 * retry them) are sent again in a new batch, after the longest {@code retry-after} those steps
 * carry (seconds; the tenant's backoff with jitter when none does, capped as every wait), at most
 * {@link GraphSettings#maxRetries()} times. Runs on the caller's thread; instances are thread-safe.
 */
public final class GraphBatchRetirement {

  /** The most steps Graph accepts in one batch request. */
  public static final int MAX_STEPS = 20;

  private static final Logger LOG = LoggerFactory.getLogger(GraphBatchRetirement.class);

  private static final Set<Integer> RETRIED = Set.of(429, 503, 504);

  private final GraphHttp http;

  GraphBatchRetirement(GraphHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * Asks Graph to retire all devices of each of {@code users} (object ids or sign-in names) and
   * answers what became of each, in the order given. A user named twice (ignoring case) is sent
   * once and reported at each place. Graph carries the action out asynchronously: {@link
   * Outcome#RETIRED} means Graph accepted it.
   *
   * <p>Never fails for one user's answer: a batch request that fails as a whole (token rejected, an
   * outage outlasting the retries, a malformed answer) marks its users {@link Outcome#FAILED} with
   * the failure's details, stops the run, and marks the users not yet sent {@link
   * Outcome#NOT_SENT}.
   */
  public List<UserRetireResult> retireAll(List<String> users) {
    Objects.requireNonNull(users, "users");
    Map<String, String> unique = new LinkedHashMap<>();
    for (String user : users) {
      Objects.requireNonNull(user, "users holds null");
      unique.putIfAbsent(key(user), user);
    }
    Map<String, UserRetireResult> results = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (String user : unique.values()) {
      if (GraphHttp.usableSegment(user)) {
        steps.add(new Step(Integer.toString(steps.size() + 1), user));
      } else {
        results.put(
            key(user),
            new UserRetireResult(
                user,
                Outcome.NOT_FOUND,
                0,
                "",
                "not a user reference Graph can resolve",
                "",
                "",
                0));
      }
    }
    boolean stopped = false;
    for (int from = 0; from < steps.size(); from += MAX_STEPS) {
      List<Step> chunk = steps.subList(from, Math.min(steps.size(), from + MAX_STEPS));
      if (stopped) {
        chunk.forEach(
            step ->
                results.put(
                    key(step.user()),
                    new UserRetireResult(
                        step.user(),
                        Outcome.NOT_SENT,
                        0,
                        "",
                        "an earlier batch request failed; not sent",
                        "",
                        "",
                        0)));
      } else {
        stopped = !retire(chunk, results);
      }
    }
    return users.stream().map(user -> results.get(key(user))).toList();
  }

  /**
   * Sends {@code chunk} as one batch, then its throttled steps again; puts each step's result.
   *
   * @return false when the run must stop: a batch request failed as a whole, or the wait was
   *     interrupted
   */
  private boolean retire(List<Step> chunk, Map<String, UserRetireResult> results) {
    Map<String, Integer> attempts = new HashMap<>();
    List<Step> pending = chunk;
    for (int round = 1; ; round++) {
      Map<String, StepAnswer> answers;
      BatchAnswer batch;
      try {
        batch = send(pending);
        answers = batch.steps();
      } catch (DeviceManagementException e) {
        for (Step step : pending) {
          results.put(
              key(step.user()),
              failedBatch(step.user(), attempts.merge(step.id(), 1, Integer::sum), e));
        }
        return false;
      }
      List<Step> retry = new ArrayList<>();
      Map<String, UserRetireResult> lastAnswers = new HashMap<>();
      Optional<Duration> longestRetryAfter = Optional.empty();
      for (Step step : pending) {
        int sent = attempts.merge(step.id(), 1, Integer::sum);
        StepAnswer answer = answers.get(key(step.id()));
        if (answer == null) {
          results.put(
              key(step.user()),
              new UserRetireResult(
                  step.user(),
                  Outcome.FAILED,
                  0,
                  "",
                  "Graph's batch answer has no response for this step",
                  batch.requestId(),
                  batch.clientRequestId(),
                  sent));
          continue;
        }
        UserRetireResult result = resultOf(step.user(), answer, batch, sent);
        if (RETRIED.contains(answer.status()) && round <= http.settings().maxRetries()) {
          retry.add(step);
          lastAnswers.put(key(step.user()), result);
          Optional<Duration> retryAfter =
              Optional.ofNullable(answer.headers().get("retry-after"))
                  .flatMap(value -> RetryDelays.parseRetryAfter(value, http.clock().instant()));
          if (retryAfter.isPresent()
              && (longestRetryAfter.isEmpty()
                  || retryAfter.get().compareTo(longestRetryAfter.get()) > 0)) {
            longestRetryAfter = retryAfter;
          }
        } else {
          results.put(key(step.user()), result);
        }
      }
      if (retry.isEmpty()) {
        return true;
      }
      Duration delay = http.retryDelay(round, longestRetryAfter);
      LOG.warn(
          "Graph throttled {} of {} removeAllDevicesFromManagement step(s) in batch (request-id:"
              + " {}); retry {}/{} of those in {} ms (longest retry-after: {})",
          retry.size(),
          pending.size(),
          batch.requestId(),
          round,
          http.settings().maxRetries(),
          delay.toMillis(),
          longestRetryAfter.map(d -> d.toMillis() + " ms").orElse("none"));
      try {
        http.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        results.putAll(lastAnswers);
        return false;
      }
      pending = retry;
    }
  }

  private BatchAnswer send(List<Step> steps) {
    return GraphBatches.send(
        http,
        steps.stream()
            .map(
                step ->
                    new GraphBatches.Step(
                        step.id(),
                        "POST",
                        "/users/"
                            + GraphHttp.segment(step.user())
                            + "/removeAllDevicesFromManagement"))
            .toList());
  }

  private UserRetireResult resultOf(String user, StepAnswer answer, BatchAnswer batch, int sent) {
    int status = answer.status();
    ReceivedGraphError error =
        answer.body().isObject()
            ? ReceivedGraphError.parse(answer.body().toString(), http.json())
            : ReceivedGraphError.NONE;
    String requestId =
        answer.headers().getOrDefault("request-id", error.requestId()).isEmpty()
            ? batch.requestId()
            : answer.headers().getOrDefault("request-id", error.requestId());
    Outcome outcome;
    if (status >= 200 && status < 300) {
      outcome = Outcome.RETIRED;
    } else if (status == 404) {
      outcome = Outcome.NOT_FOUND;
    } else if (status == 403) {
      outcome = Outcome.REFUSED;
    } else if (RETRIED.contains(status)) {
      outcome = Outcome.THROTTLED_GAVE_UP;
    } else {
      outcome = Outcome.FAILED;
    }
    return new UserRetireResult(
        user,
        outcome,
        status,
        error.code(),
        error.message(),
        requestId,
        batch.clientRequestId(),
        sent);
  }

  private static UserRetireResult failedBatch(String user, int sent, DeviceManagementException e) {
    if (e instanceof BackendUnavailableException u) {
      return new UserRetireResult(
          user,
          Outcome.FAILED,
          u.httpStatus(),
          u.graphCode().isEmpty() ? u.code() : u.graphCode(),
          u.graphMessage().isEmpty() ? String.valueOf(u.getMessage()) : u.graphMessage(),
          u.requestId(),
          u.clientRequestId(),
          // A batch refused by the bulkhead never reached Graph.
          u.kind() == FailureKind.BACKEND_SATURATED ? sent - 1 : sent);
    }
    if (e instanceof BackendRejectedTokenException r) {
      return new UserRetireResult(
          user,
          Outcome.FAILED,
          401,
          r.graphCode(),
          r.graphMessage(),
          r.requestId(),
          r.clientRequestId(),
          sent);
    }
    if (e instanceof BackendForbiddenException f) {
      return new UserRetireResult(
          user,
          Outcome.REFUSED,
          403,
          f.graphCode(),
          f.graphMessage(),
          f.requestId(),
          f.clientRequestId(),
          sent);
    }
    return new UserRetireResult(
        user, Outcome.FAILED, 0, e.code(), String.valueOf(e.getMessage()), "", "", sent);
  }

  private static String key(String reference) {
    return GraphBatches.key(reference);
  }

  @Override
  public String toString() {
    return "GraphBatchRetirement";
  }

  /** One user's step: its id in the batch (stable across retries) and the user as named. */
  private record Step(String id, String user) {}
}
