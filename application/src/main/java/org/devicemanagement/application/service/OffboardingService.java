package org.devicemanagement.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.offboarding.DevicePlan;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.offboarding.OffboardingListener;
import org.devicemanagement.application.offboarding.OffboardingPreview;
import org.devicemanagement.application.offboarding.OffboardingProgress;
import org.devicemanagement.application.offboarding.OffboardingReport;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OffboardingUser;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.Pause;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserPreview;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.port.in.ListOffboardingRunsUseCase;
import org.devicemanagement.application.port.in.PreviewOffboardingCommand;
import org.devicemanagement.application.port.in.PreviewOffboardingUseCase;
import org.devicemanagement.application.port.in.ResumeOffboardingCommand;
import org.devicemanagement.application.port.in.ResumeOffboardingUseCase;
import org.devicemanagement.application.port.in.StartOffboardingCommand;
import org.devicemanagement.application.port.in.StartOffboardingUseCase;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.application.port.out.BulkRetirement.Answer;
import org.devicemanagement.application.port.out.BulkRetirement.AnswerKind;
import org.devicemanagement.application.port.out.OffboardingRuns;

/**
 * Offboards users in bulk: previews, then retires all devices of each user in batches under
 * Intune's limits, recording every step so that a run is resumed where a crash, a stop or the daily
 * limit left it.
 *
 * <p>For each batch of users it first reads their devices (so the retire-all rule's prediction is
 * fresh, and a user with nothing to retire costs no write), then keeps the batch under the day's
 * retire budget, marks the users as sent, sends their retire-alls, and records each answer. A
 * throttled user is sent again after the tenant's {@code Retry-After} (or a backoff when it gives
 * none), at most {@link #MAX_ATTEMPTS} times. Runs on the caller's thread; one run at a time per
 * instance.
 */
public final class OffboardingService
    implements PreviewOffboardingUseCase,
        StartOffboardingUseCase,
        ResumeOffboardingUseCase,
        ListOffboardingRunsUseCase {

  /** How many times one user's call is sent before it counts as failed. */
  public static final int MAX_ATTEMPTS = 6;

  /** The permission a retire-all needs (delegated). */
  public static final String RETIRE_PERMISSION =
      "DeviceManagementManagedDevices.PrivilegedOperations.All";

  /** The permission reading a user's devices needs (delegated; ReadWrite.All also does). */
  public static final String READ_PERMISSION = "DeviceManagementManagedDevices.Read.All";

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(60);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(3);
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final BulkRetirement tenant;
  private final OffboardingRuns runs;
  private final IntuneLimits limits;
  private final Clock clock;
  private final Pause pause;
  private final RandomGenerator random;

  /** A service sending to {@code tenant}, recording in {@code runs}, under {@code limits}. */
  public OffboardingService(
      BulkRetirement tenant,
      OffboardingRuns runs,
      IntuneLimits limits,
      Clock clock,
      Pause pause,
      RandomGenerator random) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public OffboardingPreview preview(PreviewOffboardingCommand command) {
    Objects.requireNonNull(command, "command");
    List<OffboardingUser> users = unique(command.users());
    RequestPacer pacer = new RequestPacer(limits, clock, pause);
    List<UserPreview> previews = new ArrayList<>(users.size());
    Instant started = clock.instant();
    int batch = batchSize();
    for (int from = 0; from < users.size(); from += batch) {
      List<OffboardingUser> chunk = users.subList(from, Math.min(users.size(), from + batch));
      if (command.listener().stopRequested()) {
        break;
      }
      previews.addAll(previewChunk(chunk, pacer, command.listener()));
      command
          .listener()
          .progress(
              new OffboardingProgress(
                  "preview",
                  previewCounts(users.size(), previews),
                  previews.size(),
                  0,
                  0,
                  Duration.between(started, clock.instant()),
                  Duration.ZERO));
    }
    return new OffboardingPreview(previews);
  }

  /**
   * A preview's progress as counts: users previewed so far count as ended the way their read ended
   * (found users as nothing to do, since nothing is done), the rest as pending.
   */
  private static OutcomeCounts previewCounts(int users, List<UserPreview> previews) {
    int notFound = 0;
    int refused = 0;
    int failed = 0;
    for (UserPreview preview : previews) {
      switch (preview.outcome()) {
        case NOT_FOUND -> notFound++;
        case REFUSED -> refused++;
        case FAILED -> failed++;
        default -> {}
      }
    }
    int found = previews.size() - notFound - refused - failed;
    return new OutcomeCounts(
        users, users - previews.size(), 0, found, notFound, refused, failed, 0);
  }

  private List<UserPreview> previewChunk(
      List<OffboardingUser> chunk, RequestPacer pacer, OffboardingListener listener) {
    List<OffboardingUser> pending = chunk;
    TreeMap<Integer, UserPreview> byLine = new TreeMap<>();
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (!acquire(pacer, 0, pending.size(), listener)) {
        break;
      }
      List<Answer> answers = tenant.devicesOf(pending.stream().map(OffboardingUser::user).toList());
      List<OffboardingUser> again = new ArrayList<>();
      Optional<Duration> longest = Optional.empty();
      for (int i = 0; i < pending.size(); i++) {
        OffboardingUser user = pending.get(i);
        Answer answer = answers.get(i);
        if (answer.kind() == AnswerKind.TRY_AGAIN && attempt < MAX_ATTEMPTS) {
          again.add(user);
          longest = longer(longest, answer.retryAfter());
          continue;
        }
        if (answer.kind() == AnswerKind.TOKEN_REJECTED) {
          throw new InvalidRequestException(
              "the token was rejected: %s %s (request-id %s)"
                  .formatted(answer.code(), answer.message(), answer.requestId()));
        }
        byLine.put(chunk.indexOf(user), previewOf(user, answer));
      }
      if (!again.isEmpty()) {
        pacer.holdUntil(clock.instant().plus(waitAfter(attempt, longest)));
      }
      pending = again;
    }
    return List.copyOf(byLine.values());
  }

  private static UserPreview previewOf(OffboardingUser user, Answer answer) {
    return switch (answer.kind()) {
      case OK -> {
        List<DevicePlan> plans = answer.devices().stream().map(DevicePlan::of).toList();
        boolean any = plans.stream().anyMatch(DevicePlan::retires);
        yield new UserPreview(
            user, any ? UserOutcome.PENDING : UserOutcome.NOTHING_TO_DO, "", plans);
      }
      case NOT_FOUND -> new UserPreview(user, UserOutcome.NOT_FOUND, notFound(answer), List.of());
      case FORBIDDEN ->
          new UserPreview(user, UserOutcome.REFUSED, refused(READ_PERMISSION, answer), List.of());
      default -> new UserPreview(user, UserOutcome.FAILED, failed(answer), List.of());
    };
  }

  @Override
  public OffboardingReport start(StartOffboardingCommand command) {
    Objects.requireNonNull(command, "command");
    List<OffboardingUser> users = unique(command.users());
    Instant now = clock.instant();
    String id = newRunId(now);
    List<UserProgress> progress = new ArrayList<>(users.size());
    for (int i = 0; i < users.size(); i++) {
      progress.add(UserProgress.pending(i, users.get(i)));
    }
    OffboardingRun run =
        new OffboardingRun(
            id,
            now,
            now,
            tenant.target(),
            command.source(),
            RunStatus.RUNNING,
            "",
            OutcomeCounts.of(progress));
    runs.create(run, progress);
    return work(id, command.listener());
  }

  @Override
  public OffboardingReport resume(ResumeOffboardingCommand command) {
    Objects.requireNonNull(command, "command");
    OffboardingRun run =
        runs.find(command.runId())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "there is no offboarding run '%s' in this store"
                            .formatted(command.runId())));
    if (!run.target().equals(tenant.target())) {
      throw new InvalidRequestException(
          "run %s was sent to %s, not to %s: resume it against the same tenant"
              .formatted(run.id(), run.target(), tenant.target()));
    }
    return work(run.id(), command.listener());
  }

  @Override
  public List<OffboardingRun> listRuns() {
    return runs.list();
  }

  /** Works on run {@code id}'s pending users until they ended or something stops the run. */
  private OffboardingReport work(String id, OffboardingListener listener) {
    runs.setStatus(id, RunStatus.RUNNING, "", clock.instant());
    Session session = new Session(id, runs.users(id), listener);
    Stop stop;
    try {
      stop = session.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop = new Stop(RunStatus.INTERRUPTED, "interrupted");
    }
    runs.setStatus(id, stop.status(), stop.detail(), clock.instant());
    OffboardingRun run = runs.find(id).orElseThrow();
    return new OffboardingReport(run, runs.users(id));
  }

  /** Why a session ended. */
  private record Stop(RunStatus status, String detail) {}

  /** One user being worked on: their progress and, once read, what a retire-all would change. */
  private static final class Work {
    UserProgress progress;
    int planned = -1;
    int leftAlone;
    int readAttempts;

    Work(UserProgress progress) {
      this.progress = progress;
    }
  }

  /** One start or resume of a run: its queue of pending users, its pacer and its counters. */
  private final class Session {
    private final String id;
    private final OffboardingListener listener;
    private final List<UserProgress> all;
    private final Deque<Work> queue = new ArrayDeque<>();
    private final RequestPacer pacer = new RequestPacer(limits, clock, pause);
    private final Instant started = clock.instant();
    private int ended;
    private long sent;
    private long throttled;
    private int throttledInARow;

    Session(String id, List<UserProgress> users, OffboardingListener listener) {
      this.id = id;
      this.listener = listener;
      this.all = new ArrayList<>(users);
      List<Instant> sentBefore = new ArrayList<>();
      for (UserProgress user : users) {
        user.sentAt().ifPresent(sentBefore::add);
      }
      pacer.alreadySent(sentBefore);
      for (UserProgress user : users) {
        if (!user.outcome().ended()) {
          queue.addLast(new Work(user));
        }
      }
    }

    Stop run() throws InterruptedException {
      int batch = batchSize();
      while (!queue.isEmpty()) {
        if (listener.stopRequested()) {
          return new Stop(RunStatus.INTERRUPTED, "stopped on request");
        }
        List<Work> round = new ArrayList<>();
        while (round.size() < batch && !queue.isEmpty()) {
          round.add(queue.removeFirst());
        }
        Optional<Stop> stop = read(round);
        if (stop.isEmpty()) {
          stop = retire(round);
        }
        report(Duration.ZERO);
        if (stop.isPresent()) {
          return stop.get();
        }
      }
      return new Stop(RunStatus.COMPLETED, "");
    }

    /** Reads the devices of the users of {@code round} not read yet; ends those with no work. */
    private Optional<Stop> read(List<Work> round) throws InterruptedException {
      List<Work> unread = round.stream().filter(w -> w.planned < 0).toList();
      if (unread.isEmpty()) {
        return Optional.empty();
      }
      if (!acquire(pacer, 0, unread.size())) {
        putBack(round);
        return Optional.of(new Stop(RunStatus.INTERRUPTED, "stopped on request"));
      }
      List<Answer> answers;
      try {
        answers = tenant.devicesOf(unread.stream().map(w -> w.progress.user()).toList());
      } catch (DeviceManagementException e) {
        putBack(round);
        return Optional.of(failure(e));
      }
      List<UserProgress> changed = new ArrayList<>();
      Optional<Duration> longest = Optional.empty();
      Optional<Stop> stop = Optional.empty();
      boolean askedToWait = false;
      Instant now = clock.instant();
      for (int i = 0; i < unread.size(); i++) {
        Work work = unread.get(i);
        Answer answer = answers.get(i);
        switch (answer.kind()) {
          case OK -> {
            List<DevicePlan> plans = answer.devices().stream().map(DevicePlan::of).toList();
            int toRetire = (int) plans.stream().filter(DevicePlan::retires).count();
            int leftAlone = plans.size() - toRetire;
            UserProgress p = work.progress;
            if (toRetire > 0) {
              work.planned = toRetire;
              work.leftAlone = leftAlone;
            } else if (p.sentAt().isPresent() && p.plannedDevices() > 0) {
              // Sent before a crash and its answer lost: the devices show the retire-all took
              // effect.
              end(
                  work,
                  UserOutcome.DONE,
                  p.plannedDevices(),
                  leftAlone - p.plannedDevices(),
                  204,
                  "",
                  "",
                  answer.requestId(),
                  now,
                  changed);
            } else {
              end(
                  work,
                  UserOutcome.NOTHING_TO_DO,
                  0,
                  leftAlone,
                  answer.status(),
                  "",
                  plans.isEmpty()
                      ? "the user has no managed device"
                      : "every device is already retiring or under a wipe or delete",
                  answer.requestId(),
                  now,
                  changed);
            }
          }
          case NOT_FOUND ->
              end(work, UserOutcome.NOT_FOUND, 0, 0, answer, notFound(answer), now, changed);
          case FORBIDDEN ->
              end(
                  work,
                  UserOutcome.REFUSED,
                  0,
                  0,
                  answer,
                  refused(READ_PERMISSION, answer),
                  now,
                  changed);
          case TRY_AGAIN -> {
            throttled++;
            work.readAttempts++;
            if (work.readAttempts >= MAX_ATTEMPTS) {
              end(
                  work,
                  UserOutcome.FAILED,
                  0,
                  0,
                  answer,
                  gaveUp(work.readAttempts, answer),
                  now,
                  changed);
            } else {
              askedToWait = true;
              longest = longer(longest, answer.retryAfter());
            }
          }
          case TOKEN_REJECTED -> stop = Optional.of(tokenRejected(answer));
          case DAILY_LIMIT_REACHED, FAILED ->
              end(work, UserOutcome.FAILED, 0, 0, answer, failed(answer), now, changed);
        }
      }
      save(changed);
      if (askedToWait) {
        backOff(longest);
      }
      if (stop.isPresent()) {
        putBack(round);
      }
      return stop;
    }

    /** Retires the users of {@code round} that were read and have devices to retire. */
    private Optional<Stop> retire(List<Work> round) throws InterruptedException {
      List<Work> ready = new ArrayList<>();
      List<Work> later = new ArrayList<>();
      for (Work work : round) {
        if (work.progress.outcome().ended()) {
          continue;
        }
        (work.planned > 0 ? ready : later).add(work);
      }
      Instant now = clock.instant();
      LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
      Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      int budget = limits.dailyRetireLimit() - runs.devicesRetiredBetween(dayStart, dayEnd);
      List<Work> send = new ArrayList<>();
      List<Work> overBudget = new ArrayList<>();
      int planned = 0;
      for (Work work : ready) {
        if (overBudget.isEmpty() && planned + work.planned <= budget) {
          send.add(work);
          planned += work.planned;
        } else {
          overBudget.add(work);
        }
      }
      Optional<Stop> stop = Optional.empty();
      if (!overBudget.isEmpty()) {
        stop =
            Optional.of(
                new Stop(
                    RunStatus.STOPPED_AT_DAILY_LIMIT,
                    ("the tenant's daily limit of %,d retired devices would be passed: %,d were"
                            + " retired today (UTC, %s) and the next user has %d more; resume after"
                            + " %s")
                        .formatted(
                            limits.dailyRetireLimit(),
                            limits.dailyRetireLimit() - budget + planned,
                            day,
                            overBudget.get(0).planned,
                            dayEnd)));
      }
      if (send.isEmpty()) {
        putBack(round);
        return stop;
      }
      if (!acquire(pacer, send.size(), send.size())) {
        putBack(round);
        return Optional.of(new Stop(RunStatus.INTERRUPTED, "stopped on request"));
      }
      Instant sentAt = clock.instant();
      List<UserProgress> marked = new ArrayList<>();
      for (Work work : send) {
        work.progress = work.progress.sending(work.planned, work.leftAlone, sentAt);
        marked.add(work.progress);
      }
      save(marked);
      sent += send.size();
      List<Answer> answers;
      try {
        answers = tenant.retireAll(send.stream().map(w -> w.progress.user()).toList());
      } catch (DeviceManagementException e) {
        putBack(round);
        return Optional.of(failure(e));
      }
      List<UserProgress> changed = new ArrayList<>();
      List<Work> again = new ArrayList<>();
      Optional<Duration> longest = Optional.empty();
      boolean askedToWait = false;
      now = clock.instant();
      for (int i = 0; i < send.size(); i++) {
        Work work = send.get(i);
        Answer answer = answers.get(i);
        switch (answer.kind()) {
          case OK ->
              end(
                  work,
                  UserOutcome.DONE,
                  work.planned,
                  work.leftAlone,
                  answer.status(),
                  "",
                  "",
                  answer.requestId(),
                  now,
                  changed);
          case NOT_FOUND ->
              end(work, UserOutcome.NOT_FOUND, 0, 0, answer, notFound(answer), now, changed);
          case FORBIDDEN ->
              end(
                  work,
                  UserOutcome.REFUSED,
                  0,
                  work.leftAlone,
                  answer,
                  refused(RETIRE_PERMISSION, answer),
                  now,
                  changed);
          case DAILY_LIMIT_REACHED -> {
            keep(work, answer, changed);
            again.add(work);
            if (stop.isEmpty()) {
              stop =
                  Optional.of(
                      new Stop(
                          RunStatus.STOPPED_AT_DAILY_LIMIT,
                          "the tenant refused a retire-all at its daily retire limit: %s %s;"
                                  .formatted(answer.code(), answer.message())
                              + " resume after midnight UTC"));
            }
          }
          case TRY_AGAIN -> {
            throttled++;
            if (work.progress.attempts() >= MAX_ATTEMPTS) {
              end(
                  work,
                  UserOutcome.FAILED,
                  0,
                  work.leftAlone,
                  answer,
                  gaveUp(work.progress.attempts(), answer),
                  now,
                  changed);
            } else {
              keep(work, answer, changed);
              again.add(work);
              askedToWait = true;
              longest = longer(longest, answer.retryAfter());
            }
          }
          case TOKEN_REJECTED -> {
            keep(work, answer, changed);
            again.add(work);
            stop = Optional.of(tokenRejected(answer));
          }
          case FAILED ->
              end(
                  work,
                  UserOutcome.FAILED,
                  0,
                  work.leftAlone,
                  answer,
                  failed(answer),
                  now,
                  changed);
        }
      }
      save(changed);
      if (askedToWait) {
        backOff(longest);
      } else {
        throttledInARow = 0;
      }
      List<Work> back = new ArrayList<>(again);
      back.addAll(overBudget);
      back.addAll(later);
      putBack(back);
      return stop;
    }

    private void backOff(Optional<Duration> retryAfter) {
      throttledInARow++;
      Duration wait = waitAfter(throttledInARow, retryAfter);
      pacer.holdUntil(clock.instant().plus(wait));
      report(wait);
    }

    private boolean acquire(RequestPacer pacer, int writes, int requests)
        throws InterruptedException {
      Duration wait = pacer.waitFor(writes, requests);
      if (wait.compareTo(Duration.ofSeconds(1)) > 0) {
        report(wait);
      }
      return pacer.acquire(writes, requests, listener::stopRequested);
    }

    /** Puts {@code works} back at the front of the queue, in their order, unless they ended. */
    private void putBack(List<Work> works) {
      for (int i = works.size() - 1; i >= 0; i--) {
        Work work = works.get(i);
        if (!work.progress.outcome().ended() && !queue.contains(work)) {
          queue.addFirst(work);
        }
      }
    }

    private void end(
        Work work,
        UserOutcome outcome,
        int retired,
        int leftAlone,
        int status,
        String code,
        String why,
        String requestId,
        Instant at,
        List<UserProgress> changed) {
      work.progress =
          work.progress.ended(
              outcome, retired, Math.max(0, leftAlone), status, code, why, requestId, at);
      changed.add(work.progress);
      ended++;
    }

    /** Ends {@code work} with Graph's {@code answer} (its status, code and request-id) and why. */
    private void end(
        Work work,
        UserOutcome outcome,
        int retired,
        int leftAlone,
        Answer answer,
        String why,
        Instant at,
        List<UserProgress> changed) {
      end(
          work,
          outcome,
          retired,
          leftAlone,
          answer.status(),
          answer.code(),
          why,
          answer.requestId(),
          at,
          changed);
    }

    private void keep(Work work, Answer answer, List<UserProgress> changed) {
      work.progress =
          work.progress.stillPending(
              answer.status(), answer.code(), answer.message(), answer.requestId());
      changed.add(work.progress);
    }

    private void save(List<UserProgress> changed) {
      if (!changed.isEmpty()) {
        runs.save(id, changed, clock.instant());
        for (UserProgress p : changed) {
          all.set(p.position(), p);
        }
      }
    }

    private void report(Duration waiting) {
      listener.progress(
          new OffboardingProgress(
              id,
              OutcomeCounts.of(all),
              ended,
              sent,
              throttled,
              Duration.between(started, clock.instant()),
              waiting));
    }

    private Stop failure(DeviceManagementException e) {
      return new Stop(
          RunStatus.STOPPED_BY_FAILURE,
          "a batch request failed as a whole (%s): %s; the users it carried stay pending"
              .formatted(e.code(), String.valueOf(e.getMessage()).replaceAll("\\.+$", "")));
    }
  }

  private boolean acquire(RequestPacer pacer, int writes, int requests, OffboardingListener l) {
    try {
      return pacer.acquire(writes, requests, l::stopRequested);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private int batchSize() {
    return Math.min(BulkRetirement.MAX_USERS, limits.writesPerWindow());
  }

  /** The wait before the next call after {@code inARow} answers asking to wait. */
  private Duration waitAfter(int inARow, Optional<Duration> retryAfter) {
    Duration wait =
        retryAfter.orElseGet(
            () -> {
              Duration step = FIRST_BACKOFF;
              for (int i = 1; i < inARow && step.compareTo(LONGEST_BACKOFF) < 0; i++) {
                step = step.multipliedBy(2);
              }
              if (step.compareTo(LONGEST_BACKOFF) > 0) {
                step = LONGEST_BACKOFF;
              }
              // Half fixed, half random: waits grow, and two runs do not retry in step.
              long half = step.toMillis() / 2;
              return Duration.ofMillis(half + (long) (random.nextDouble() * half));
            });
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }

  /** The users in their order, each named once (ignoring case) at their first line. */
  private static List<OffboardingUser> unique(List<OffboardingUser> users) {
    Set<String> seen = new HashSet<>();
    List<OffboardingUser> once = new ArrayList<>(users.size());
    for (OffboardingUser user : users) {
      if (seen.add(user.user().toLowerCase(Locale.ROOT))) {
        once.add(user);
      }
    }
    return once;
  }

  private String newRunId(Instant at) {
    return "%s-%04x".formatted(RUN_ID_TIME.format(at), random.nextInt(0x10000));
  }

  private static String notFound(Answer answer) {
    return "the tenant has no such user (%s)".formatted(described(answer));
  }

  private static String refused(String permission, Answer answer) {
    return "missing permission %s: %s".formatted(permission, described(answer));
  }

  private static String failed(Answer answer) {
    return described(answer);
  }

  private static String gaveUp(int attempts, Answer answer) {
    return "still throttled or unavailable after %d attempts: %s"
        .formatted(attempts, described(answer));
  }

  private static Stop tokenRejected(Answer answer) {
    return new Stop(
        RunStatus.STOPPED_BY_FAILURE,
        "the token was rejected (%s %s%s): get a new one and resume"
            .formatted(
                answer.status(),
                answer.code(),
                answer.message().isEmpty() ? "" : ": " + answer.message()));
  }

  private static String described(Answer answer) {
    StringBuilder text = new StringBuilder().append(answer.status());
    if (!answer.code().isEmpty()) {
      text.append(' ').append(answer.code());
    }
    if (!answer.message().isEmpty()) {
      text.append(": ").append(answer.message());
    }
    return text.toString();
  }
}
