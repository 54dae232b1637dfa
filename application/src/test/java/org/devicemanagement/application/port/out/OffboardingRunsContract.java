package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.endedOffboardingUser;
import static org.devicemanagement.application.ApplicationTestData.offboardingRun;
import static org.devicemanagement.application.ApplicationTestData.pendingOffboardingUsers;
import static org.devicemanagement.application.ApplicationTestData.sentOffboardingUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.offboarding.OffboardingRun;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OffboardingRuns} adapter must keep: runs and their users come back
 * exactly as kept (instants to the microsecond), ids are exact and unique, counts are computed from
 * the users as they stand, a save changes all its users or none, and the devices retired in a span
 * are those of the done users that ended in it, across runs. Implement it in the adapter's tests;
 * JUnit runs the inherited tests.
 */
public interface OffboardingRunsContract {

  /** An adapter that keeps no run (and nothing from an earlier test). */
  OffboardingRuns emptyRuns();

  /** When the test runs start: a microsecond-precise instant. */
  Instant RUNS_T0 = Instant.parse("2026-03-02T08:00:00.654321Z");

  /**
   * Seven users, one of each kind: pending never sent, pending sent with the answer lost, and one
   * ended each way; every field set on all but the first.
   */
  private static List<UserProgress> mixedUsers() {
    return List.of(
        pendingOffboardingUsers(1).get(0),
        sentOffboardingUser(1, RUNS_T0.plusSeconds(10)),
        endedOffboardingUser(2, UserOutcome.DONE, 2, RUNS_T0.plusSeconds(11)),
        endedOffboardingUser(3, UserOutcome.NOTHING_TO_DO, 0, RUNS_T0.plusSeconds(12)),
        endedOffboardingUser(4, UserOutcome.NOT_FOUND, 0, RUNS_T0.plusSeconds(13)),
        endedOffboardingUser(5, UserOutcome.REFUSED, 0, RUNS_T0.plusSeconds(14)),
        endedOffboardingUser(6, UserOutcome.FAILED, 0, RUNS_T0.plusSeconds(15)));
  }

  /** {@code run} as a store returns it: its counts those of {@code users}. */
  private static OffboardingRun counted(OffboardingRun run, List<UserProgress> users) {
    return run.withCounts(OutcomeCounts.of(users));
  }

  private static List<String> ids(List<OffboardingRun> runs) {
    return runs.stream().map(OffboardingRun::id).toList();
  }

  // ---- create, find, users

  @Test
  default void givenCreatedRun_whenFound_thenEveryFieldAsCreatedWithCountsOfItsUsers() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun run =
        offboardingRun("run-1", RUNS_T0)
            .withStatus(RunStatus.STOPPED_AT_DAILY_LIMIT, "daily limit: 1000 of 1000", RUNS_T0);
    List<UserProgress> users = mixedUsers();

    runs.create(run, users);

    assertThat(runs.find("run-1")).contains(counted(run, users));
    assertThat(runs.find("run-1").orElseThrow().counts())
        .isEqualTo(new OutcomeCounts(7, 2, 1, 1, 1, 1, 1, 2));
  }

  @Test
  default void givenCreatedRun_whenUsersRead_thenEveryFieldAsCreatedInPositionOrder() {
    OffboardingRuns runs = emptyRuns();
    List<UserProgress> users = mixedUsers();
    List<UserProgress> shuffled = new ArrayList<>(users);
    Collections.shuffle(shuffled, new Random(14));

    runs.create(offboardingRun("run-1", RUNS_T0), shuffled);

    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
  }

  @Test
  default void givenInstantsWithMicroseconds_whenKept_thenReadBackToTheMicrosecond() {
    OffboardingRuns runs = emptyRuns();
    Instant created = Instant.parse("2026-03-02T08:00:00.000001Z");
    Instant ended = Instant.parse("2026-03-02T08:00:01.999999Z");
    List<UserProgress> users =
        List.of(
            sentOffboardingUser(0, Instant.parse("1999-12-31T23:59:59.999999Z")),
            endedOffboardingUser(1, UserOutcome.DONE, 1, ended));

    runs.create(offboardingRun("run-1", created), users);

    assertThat(runs.find("run-1").orElseThrow().createdAt()).isEqualTo(created);
    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
  }

  @Test
  default void givenRunOfManyUsers_whenCreated_thenEveryUserKeptInOrder() {
    OffboardingRuns runs = emptyRuns();
    List<UserProgress> users = pendingOffboardingUsers(2_500);

    runs.create(offboardingRun("run-1", RUNS_T0), users);

    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
    assertThat(runs.find("run-1").orElseThrow().counts())
        .isEqualTo(new OutcomeCounts(2_500, 2_500, 0, 0, 0, 0, 0, 0));
  }

  @Test
  default void givenRunWithoutUsers_whenFound_thenCountsAreZeroAndUsersEmpty() {
    OffboardingRuns runs = emptyRuns();

    runs.create(offboardingRun("run-1", RUNS_T0), List.of());

    assertThat(runs.find("run-1")).contains(offboardingRun("run-1", RUNS_T0));
    assertThat(runs.users("run-1")).isEmpty();
  }

  @Test
  default void givenKeptRunId_whenCreatedAgain_thenRefusedAndTheFirstRunKept() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun first = offboardingRun("run-1", RUNS_T0);
    List<UserProgress> users = pendingOffboardingUsers(3);
    runs.create(first, users);

    assertThatThrownBy(
            () ->
                runs.create(
                    offboardingRun("run-1", RUNS_T0.plusSeconds(60)), pendingOffboardingUsers(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run-1");

    assertThat(runs.find("run-1")).contains(counted(first, users));
    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
    assertThat(runs.list()).hasSize(1);
  }

  @Test
  default void givenTwoUsersAtOnePosition_whenCreated_thenRefusedAndNothingKept() {
    OffboardingRuns runs = emptyRuns();
    List<UserProgress> users = new ArrayList<>(pendingOffboardingUsers(3));
    users.add(endedOffboardingUser(1, UserOutcome.DONE, 1, RUNS_T0));

    assertThatThrownBy(() -> runs.create(offboardingRun("run-1", RUNS_T0), users))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(runs.find("run-1")).isEmpty();
    assertThat(runs.list()).isEmpty();
  }

  @Test
  default void givenRuns_whenFindUnknownOrOtherCase_thenEmpty() {
    OffboardingRuns runs = emptyRuns();
    runs.create(offboardingRun("Run-1", RUNS_T0), pendingOffboardingUsers(1));

    assertThat(runs.find("run-2")).isEmpty();
    assertThat(runs.find("run-1")).isEmpty();
    assertThat(runs.find("RUN-1")).isEmpty();
    assertThat(runs.find("Run-1")).isPresent();
  }

  @Test
  default void givenNoSuchRun_whenUsersRead_thenRefused() {
    OffboardingRuns runs = emptyRuns();
    runs.create(offboardingRun("run-1", RUNS_T0), pendingOffboardingUsers(1));

    assertThatThrownBy(() -> runs.users("run-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run-2");
  }

  // ---- list

  @Test
  default void givenNoRun_whenListed_thenEmpty() {
    assertThat(emptyRuns().list()).isEmpty();
  }

  @Test
  default void givenRunsCreatedInAnyOrder_whenListed_thenNewestFirstThenByIdDescending() {
    OffboardingRuns runs = emptyRuns();
    runs.create(offboardingRun("run-b", RUNS_T0), pendingOffboardingUsers(1));
    runs.create(offboardingRun("run-old", RUNS_T0.minusNanos(1_000)), pendingOffboardingUsers(1));
    runs.create(offboardingRun("run-new", RUNS_T0.plusNanos(1_000)), pendingOffboardingUsers(1));
    runs.create(offboardingRun("run-a", RUNS_T0), pendingOffboardingUsers(1));
    runs.create(offboardingRun("run-c", RUNS_T0), pendingOffboardingUsers(1));

    assertThat(ids(runs.list())).containsExactly("run-new", "run-c", "run-b", "run-a", "run-old");
  }

  @Test
  default void givenRunsWithUsers_whenListed_thenEachRunAsFoundWithCountsOfItsOwnUsers() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun mixed = offboardingRun("run-mixed", RUNS_T0);
    OffboardingRun pending = offboardingRun("run-pending", RUNS_T0.plusSeconds(1));
    OffboardingRun empty = offboardingRun("run-empty", RUNS_T0.plusSeconds(2));
    runs.create(mixed, mixedUsers());
    runs.create(pending, pendingOffboardingUsers(4));
    runs.create(empty, List.of());
    runs.save(
        "run-pending",
        List.of(endedOffboardingUser(3, UserOutcome.DONE, 5, RUNS_T0.plusSeconds(30))),
        RUNS_T0.plusSeconds(30));

    List<OffboardingRun> listed = runs.list();

    assertThat(listed)
        .containsExactly(
            counted(empty, List.of()),
            new OffboardingRun(
                "run-pending",
                pending.createdAt(),
                RUNS_T0.plusSeconds(30),
                pending.target(),
                pending.source(),
                RunStatus.RUNNING,
                "",
                new OutcomeCounts(4, 3, 1, 0, 0, 0, 0, 5)),
            counted(mixed, mixedUsers()));
    assertThat(listed)
        .containsExactly(
            runs.find("run-empty").orElseThrow(),
            runs.find("run-pending").orElseThrow(),
            runs.find("run-mixed").orElseThrow());
  }

  // ---- save

  @Test
  default void givenUsers_whenSaved_thenThoseReplacedByPositionOthersUntouchedAndRunUpdated() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun run = offboardingRun("run-1", RUNS_T0);
    List<UserProgress> users = pendingOffboardingUsers(5);
    runs.create(run, users);
    Instant at = RUNS_T0.plusSeconds(42);
    UserProgress sent = sentOffboardingUser(1, at);
    UserProgress done = endedOffboardingUser(3, UserOutcome.DONE, 2, at);
    UserProgress failed = endedOffboardingUser(4, UserOutcome.FAILED, 0, at);

    runs.save("run-1", List.of(done, sent, failed), at);

    List<UserProgress> expected = List.of(users.get(0), sent, users.get(2), done, failed);
    assertThat(runs.users("run-1")).containsExactlyElementsOf(expected);
    assertThat(runs.find("run-1"))
        .contains(
            new OffboardingRun(
                "run-1",
                RUNS_T0,
                at,
                run.target(),
                run.source(),
                RunStatus.RUNNING,
                "",
                OutcomeCounts.of(expected)));
  }

  @Test
  default void givenEndedUser_whenSavedPendingAgain_thenOptionalFieldsEmptyAgain() {
    OffboardingRuns runs = emptyRuns();
    UserProgress done = endedOffboardingUser(0, UserOutcome.DONE, 2, RUNS_T0);
    runs.create(offboardingRun("run-1", RUNS_T0), List.of(done));
    UserProgress fresh = pendingOffboardingUsers(1).get(0);

    runs.save("run-1", List.of(fresh), RUNS_T0.plusSeconds(1));

    assertThat(runs.users("run-1")).containsExactly(fresh);
  }

  @Test
  default void givenOneUnknownPosition_whenSaved_thenRefusedAndNothingChanged() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun run = offboardingRun("run-1", RUNS_T0);
    List<UserProgress> users = pendingOffboardingUsers(3);
    runs.create(run, users);
    Instant at = RUNS_T0.plusSeconds(5);

    assertThatThrownBy(
            () ->
                runs.save(
                    "run-1",
                    List.of(
                        endedOffboardingUser(0, UserOutcome.DONE, 1, at),
                        endedOffboardingUser(3, UserOutcome.DONE, 1, at),
                        endedOffboardingUser(2, UserOutcome.DONE, 1, at)),
                    at))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");

    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
    assertThat(runs.find("run-1")).contains(counted(run, users));
  }

  @Test
  default void givenNoSuchRun_whenSaved_thenRefusedAndOtherRunsUntouched() {
    OffboardingRuns runs = emptyRuns();
    List<UserProgress> users = pendingOffboardingUsers(2);
    runs.create(offboardingRun("run-1", RUNS_T0), users);

    assertThatThrownBy(
            () ->
                runs.save(
                    "run-2",
                    List.of(endedOffboardingUser(0, UserOutcome.DONE, 1, RUNS_T0)),
                    RUNS_T0.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run-2");
    assertThatThrownBy(() -> runs.save("RUN-1", List.of(), RUNS_T0.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);
    assertThat(runs.find("run-1").orElseThrow().updatedAt()).isEqualTo(RUNS_T0);
  }

  @Test
  default void givenSavesFromSeveralThreads_whenAllReturned_thenEverySaveKept() throws Exception {
    OffboardingRuns runs = emptyRuns();
    int threads = 4;
    int perThread = 25;
    runs.create(offboardingRun("run-1", RUNS_T0), pendingOffboardingUsers(threads * perThread));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    int position = thread * perThread + i;
                    Instant at = RUNS_T0.plusSeconds(position);
                    runs.save(
                        "run-1",
                        List.of(endedOffboardingUser(position, UserOutcome.DONE, 1, at)),
                        at);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(runs.users("run-1")).allMatch(u -> u.outcome() == UserOutcome.DONE);
    assertThat(runs.find("run-1").orElseThrow().counts().done()).isEqualTo(threads * perThread);
  }

  // ---- status

  @Test
  default void givenRun_whenStatusSet_thenStatusDetailAndUpdatedAtChangedOnly() {
    OffboardingRuns runs = emptyRuns();
    OffboardingRun run = offboardingRun("run-1", RUNS_T0);
    List<UserProgress> users = mixedUsers();
    runs.create(run, users);
    Instant at = RUNS_T0.plusSeconds(90);

    runs.setStatus("run-1", RunStatus.STOPPED_BY_FAILURE, "Graph unreachable: timed out", at);

    assertThat(runs.find("run-1"))
        .contains(
            counted(run, users)
                .withStatus(RunStatus.STOPPED_BY_FAILURE, "Graph unreachable: timed out", at));
    assertThat(runs.users("run-1")).containsExactlyElementsOf(users);

    runs.setStatus("run-1", RunStatus.COMPLETED, "", at.plusSeconds(1));

    assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(runs.find("run-1").orElseThrow().detail()).isEmpty();
    assertThat(runs.find("run-1").orElseThrow().updatedAt()).isEqualTo(at.plusSeconds(1));
  }

  @Test
  default void givenNoSuchRun_whenStatusSet_thenRefused() {
    OffboardingRuns runs = emptyRuns();
    runs.create(offboardingRun("run-1", RUNS_T0), List.of());

    assertThatThrownBy(() -> runs.setStatus("run-2", RunStatus.INTERRUPTED, "", RUNS_T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run-2");
    assertThat(runs.find("run-2")).isEmpty();
    assertThat(runs.find("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  // ---- devices retired in a span

  @Test
  default void givenNoRun_whenDevicesRetiredCounted_thenZero() {
    assertThat(emptyRuns().devicesRetiredBetween(Instant.EPOCH, RUNS_T0.plusSeconds(86_400)))
        .isZero();
  }

  @Test
  default void givenDoneUsersOfSeveralRuns_whenDevicesRetiredCounted_thenThoseEndedInTheSpan() {
    OffboardingRuns runs = emptyRuns();
    Instant from = RUNS_T0;
    Instant until = RUNS_T0.plusSeconds(3_600);
    runs.create(
        offboardingRun("run-1", RUNS_T0.minusSeconds(7_200)),
        List.of(
            endedOffboardingUser(0, UserOutcome.DONE, 100, from.minusNanos(1_000)),
            endedOffboardingUser(1, UserOutcome.DONE, 1, from),
            endedOffboardingUser(2, UserOutcome.DONE, 2, from.plusSeconds(10)),
            endedOffboardingUser(3, UserOutcome.FAILED, 50, from.plusSeconds(11)),
            sentOffboardingUser(4, from.plusSeconds(12))));
    runs.create(
        offboardingRun("run-2", RUNS_T0),
        List.of(
            endedOffboardingUser(0, UserOutcome.DONE, 4, until.minusNanos(1_000)),
            endedOffboardingUser(1, UserOutcome.DONE, 200, until),
            endedOffboardingUser(2, UserOutcome.NOTHING_TO_DO, 0, from.plusSeconds(20)),
            endedOffboardingUser(3, UserOutcome.NOT_FOUND, 0, from.plusSeconds(21)),
            endedOffboardingUser(4, UserOutcome.REFUSED, 0, from.plusSeconds(22))));

    assertThat(runs.devicesRetiredBetween(from, until)).isEqualTo(1 + 2 + 4);
    assertThat(runs.devicesRetiredBetween(from.plusNanos(1), until)).isEqualTo(2 + 4);
    assertThat(runs.devicesRetiredBetween(from, until.plusNanos(1))).isEqualTo(1 + 2 + 4 + 200);
    assertThat(runs.devicesRetiredBetween(from.minusSeconds(1), from)).isEqualTo(100);
    assertThat(runs.devicesRetiredBetween(until, until)).isZero();
    assertThat(runs.devicesRetiredBetween(until, from)).isZero();
  }

  @Test
  default void givenUserSavedDone_whenDevicesRetiredCounted_thenItCountsFromThen() {
    OffboardingRuns runs = emptyRuns();
    runs.create(offboardingRun("run-1", RUNS_T0), pendingOffboardingUsers(2));
    Instant at = RUNS_T0.plusSeconds(5);
    assertThat(runs.devicesRetiredBetween(RUNS_T0, at.plusSeconds(1))).isZero();

    runs.save("run-1", List.of(endedOffboardingUser(1, UserOutcome.DONE, 3, at)), at);

    assertThat(runs.devicesRetiredBetween(RUNS_T0, at.plusSeconds(1))).isEqualTo(3);
  }
}
