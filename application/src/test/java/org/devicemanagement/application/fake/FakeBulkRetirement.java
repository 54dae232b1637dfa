package org.devicemanagement.application.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.FailureKind;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A tenant reached in batches: users and their devices in maps, retire-all by the domain's rule,
 * and answers a test scripts (throttling, refusals, a lost answer) ahead of the real ones; it
 * records every call with the clock's instant.
 */
public final class FakeBulkRetirement implements BulkRetirement {

  private final Clock clock;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, List<ManagedDevice>> devices = new LinkedHashMap<>();
  private final Deque<Answer> scriptedRetires = new ArrayDeque<>();
  private final Deque<Answer> scriptedReads = new ArrayDeque<>();
  private final List<Call> calls = new ArrayList<>();
  private int loseAnswerOfRetireCall = -1;
  private int retireCalls;

  /** An empty tenant whose calls are stamped by {@code clock}. */
  public FakeBulkRetirement(Clock clock) {
    this.clock = clock;
  }

  /** Adds {@code user} with {@code userDevices}. */
  public FakeBulkRetirement with(User user, List<ManagedDevice> userDevices) {
    users.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user);
    users.put(user.id().toLowerCase(Locale.ROOT), user);
    devices.put(user.id(), new ArrayList<>(userDevices));
    return this;
  }

  /** The next retire steps are answered {@code answers}, in order, before any real answer. */
  public FakeBulkRetirement answerRetires(Answer... answers) {
    scriptedRetires.addAll(List.of(answers));
    return this;
  }

  /** The next read steps are answered {@code answers}, in order, before any real answer. */
  public FakeBulkRetirement answerReads(Answer... answers) {
    scriptedReads.addAll(List.of(answers));
    return this;
  }

  /**
   * Retire call number {@code call} (1 for the first) is carried out, then fails as a whole as if
   * its answer was lost.
   */
  public FakeBulkRetirement loseAnswerOfRetireCall(int call) {
    loseAnswerOfRetireCall = call;
    return this;
  }

  /** A 429 answer with {@code retryAfter}, or none. */
  public static Answer throttled(Optional<Duration> retryAfter) {
    return new Answer(
        "",
        AnswerKind.TRY_AGAIN,
        429,
        "TooManyRequests",
        "Please retry again later.",
        "rid-429",
        retryAfter,
        List.of());
  }

  /** A 403 answer with {@code code}. */
  public static Answer forbidden(String code, String message) {
    return new Answer(
        "",
        code.equals("quotaLimitReached") ? AnswerKind.DAILY_LIMIT_REACHED : AnswerKind.FORBIDDEN,
        403,
        code,
        message,
        "rid-403",
        Optional.empty(),
        List.of());
  }

  /** A 401 answer. */
  public static Answer tokenRejected() {
    return new Answer(
        "",
        AnswerKind.TOKEN_REJECTED,
        401,
        "InvalidAuthenticationToken",
        "Access token has expired.",
        "rid-401",
        Optional.empty(),
        List.of());
  }

  /** Every call so far, in order. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The retire calls so far, in order. */
  public List<Call> retireCalls() {
    return calls.stream().filter(Call::retire).toList();
  }

  /** {@code user}'s devices now. */
  public List<ManagedDevice> devicesOf(User user) {
    return List.copyOf(devices.get(user.id()));
  }

  @Override
  public String target() {
    return "fake://tenant";
  }

  @Override
  public synchronized List<Answer> devicesOf(List<String> names) {
    check(names);
    calls.add(new Call(clock.instant(), false, List.copyOf(names)));
    List<Answer> answers = new ArrayList<>();
    for (String name : names) {
      if (!scriptedReads.isEmpty()) {
        answers.add(as(name, scriptedReads.removeFirst()));
        continue;
      }
      User user = users.get(name.toLowerCase(Locale.ROOT));
      answers.add(
          user == null
              ? notFound(name)
              : new Answer(
                  name,
                  AnswerKind.OK,
                  200,
                  "",
                  "",
                  "rid-read",
                  Optional.empty(),
                  devices.get(user.id())));
    }
    return answers;
  }

  @Override
  public synchronized List<Answer> retireAll(List<String> names) {
    check(names);
    retireCalls++;
    calls.add(new Call(clock.instant(), true, List.copyOf(names)));
    List<Answer> answers = new ArrayList<>();
    for (String name : names) {
      if (!scriptedRetires.isEmpty()) {
        answers.add(as(name, scriptedRetires.removeFirst()));
        continue;
      }
      User user = users.get(name.toLowerCase(Locale.ROOT));
      if (user == null) {
        answers.add(notFound(name));
        continue;
      }
      devices.put(
          user.id(),
          new ArrayList<>(
              RetireAllRule.applyTo(user.id(), devices.get(user.id()), clock.instant())
                  .devicesAfter()));
      answers.add(
          new Answer(name, AnswerKind.OK, 204, "", "", "rid-204", Optional.empty(), List.of()));
    }
    if (retireCalls == loseAnswerOfRetireCall) {
      throw new BackendUnavailableException(
          FailureKind.BACKEND_UNAVAILABLE,
          "the answer was lost",
          0,
          "",
          "",
          "",
          "",
          Optional.empty());
    }
    return answers;
  }

  private static void check(List<String> names) {
    if (names.isEmpty() || names.size() > MAX_USERS) {
      throw new IllegalArgumentException("a batch of %d users".formatted(names.size()));
    }
  }

  private static Answer notFound(String name) {
    return new Answer(
        name,
        AnswerKind.NOT_FOUND,
        404,
        "Request_ResourceNotFound",
        "Resource '%s' does not exist".formatted(name),
        "rid-404",
        Optional.empty(),
        List.of());
  }

  private static Answer as(String name, Answer scripted) {
    return new Answer(
        name,
        scripted.kind(),
        scripted.status(),
        scripted.code(),
        scripted.message(),
        scripted.requestId(),
        scripted.retryAfter(),
        scripted.devices());
  }

  /** One call: when, whether it retired (else read), and the users it named. */
  public record Call(Instant at, boolean retire, List<String> users) {}
}
