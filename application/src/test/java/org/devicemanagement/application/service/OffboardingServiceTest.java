package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.MovableClock;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.fake.FakeBulkRetirement;
import org.devicemanagement.application.fake.FakeBulkRetirement.Call;
import org.devicemanagement.application.fake.FakeOffboardingRuns;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.offboarding.OffboardingListener;
import org.devicemanagement.application.offboarding.OffboardingPreview;
import org.devicemanagement.application.offboarding.OffboardingReport;
import org.devicemanagement.application.offboarding.OffboardingUser;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.offboarding.UserProgress;
import org.devicemanagement.application.port.in.PreviewOffboardingCommand;
import org.devicemanagement.application.port.in.ResumeOffboardingCommand;
import org.devicemanagement.application.port.in.StartOffboardingCommand;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

class OffboardingServiceTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final MovableClock clock = new MovableClock(START);
  private final FakeBulkRetirement tenant = new FakeBulkRetirement(clock);
  private final FakeOffboardingRuns runs = new FakeOffboardingRuns();

  private OffboardingService service(IntuneLimits limits) {
    return new OffboardingService(tenant, runs, limits, clock, clock::advance, new Random(7));
  }

  private OffboardingService service() {
    return service(IntuneLimits.PUBLISHED);
  }

  /** {@code count} users named leaver-N@contoso.com, each with {@code devices} managed devices. */
  private List<OffboardingUser> leavers(int count, int devices) {
    List<OffboardingUser> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      User user = ApplicationTestData.leaver(i);
      List<ManagedDevice> owned = new ArrayList<>();
      for (int d = 0; d < devices; d++) {
        owned.add(ApplicationTestData.leaverDevice(user, d, ManagementState.MANAGED));
      }
      tenant.with(user, owned);
      users.add(new OffboardingUser(i + 1, user.userPrincipalName()));
    }
    return users;
  }

  private OffboardingReport start(OffboardingService service, List<OffboardingUser> users) {
    return service.start(
        new StartOffboardingCommand(users, "leavers.txt", OffboardingListener.NONE));
  }

  private OffboardingReport resume(OffboardingService service, String id) {
    return service.resume(new ResumeOffboardingCommand(id, OffboardingListener.NONE));
  }

  /** A listener asking the run to stop once it reported {@code batches} batches. */
  private static OffboardingListener stopAfterBatches(int batches) {
    AtomicInteger reported = new AtomicInteger();
    return new OffboardingListener() {
      @Override
      public void progress(org.devicemanagement.application.offboarding.OffboardingProgress p) {
        reported.incrementAndGet();
      }

      @Override
      public boolean stopRequested() {
        return reported.get() >= batches;
      }
    };
  }

  private Map<String, Integer> retireSends() {
    Map<String, Integer> sends = new HashMap<>();
    for (Call call : tenant.retireCalls()) {
      call.users().forEach(u -> sends.merge(u, 1, Integer::sum));
    }
    return sends;
  }

  @Test
  void givenLeavers_whenStarted_thenEachEndsDoneOrNothingToDoOrNotFoundAndTheRunCompletes() {
    User adele = ApplicationTestData.adele();
    User alex = ApplicationTestData.alex();
    tenant.with(adele, ApplicationTestData.devicesInEveryState(adele));
    tenant.with(alex, List.of(ApplicationTestData.device(alex, ManagementState.RETIRE_PENDING)));
    List<OffboardingUser> users =
        List.of(
            new OffboardingUser(1, adele.userPrincipalName()),
            new OffboardingUser(2, alex.id()),
            new OffboardingUser(3, "nobody@contoso.com"),
            new OffboardingUser(4, adele.userPrincipalName().toUpperCase(java.util.Locale.ROOT)));

    OffboardingReport report = start(service(), users);

    assertThat(report.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(report.users())
        .extracting(UserProgress::line, UserProgress::outcome, UserProgress::devicesRetired)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, UserOutcome.DONE, 7),
            org.assertj.core.groups.Tuple.tuple(2, UserOutcome.NOTHING_TO_DO, 0),
            org.assertj.core.groups.Tuple.tuple(3, UserOutcome.NOT_FOUND, 0));
    assertThat(report.users().get(0).devicesLeftAlone()).isEqualTo(6);
    assertThat(report.users().get(2).message()).contains("404");
    assertThat(retireSends()).containsOnlyKeys(adele.userPrincipalName());
    assertThat(tenant.devicesOf(adele))
        .filteredOn(d -> d.managementState() == ManagementState.RETIRE_PENDING)
        .hasSize(8);
    assertThat(report.run().counts().devicesRetired()).isEqualTo(7);
  }

  @Test
  void givenMoreLeaversThanOneWindowAllows_whenStarted_thenNoWindowHoldsMoreThanTheWriteLimit() {
    List<OffboardingUser> users = leavers(450, 1);

    OffboardingReport report = start(service(), users);

    assertThat(report.run().counts().done()).isEqualTo(450);
    List<Call> retires = tenant.retireCalls();
    assertThat(retires).allSatisfy(call -> assertThat(call.users()).hasSizeLessThanOrEqualTo(20));
    Duration window = Duration.ofSeconds(20);
    for (Call first : retires) {
      int inWindow =
          retires.stream()
              .filter(c -> !c.at().isBefore(first.at()) && c.at().isBefore(first.at().plus(window)))
              .mapToInt(c -> c.users().size())
              .sum();
      assertThat(inWindow).isLessThanOrEqualTo(200);
    }
    // 450 writes at 200 per 20.25 s: the last batch goes at 40.5 s, no later.
    assertThat(Duration.between(START, retires.get(retires.size() - 1).at()))
        .isEqualTo(Duration.ofMillis(40_500));
    assertThat(retireSends().values()).containsOnly(1);
  }

  @Test
  void givenThrottledStepsWithRetryAfter_whenStarted_thenTheyAreSentAgainAfterItAndEndDone() {
    List<OffboardingUser> users = leavers(5, 1);
    tenant.answerRetires(
        FakeBulkRetirement.throttled(Optional.of(Duration.ofMillis(7_250))),
        FakeBulkRetirement.throttled(Optional.of(Duration.ofSeconds(3))));

    OffboardingReport report = start(service(), users);

    assertThat(report.users()).extracting(UserProgress::outcome).containsOnly(UserOutcome.DONE);
    List<Call> retires = tenant.retireCalls();
    assertThat(retires).hasSize(2);
    assertThat(retires.get(1).users()).hasSize(2);
    assertThat(Duration.between(retires.get(0).at(), retires.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(7_250));
    assertThat(report.users().get(0).attempts()).isEqualTo(2);
  }

  @Test
  void givenThrottlingWithoutRetryAfter_whenStarted_thenTheRunBacksOffAndTheUserEndsDone() {
    List<OffboardingUser> users = leavers(1, 1);
    tenant.answerRetires(
        FakeBulkRetirement.throttled(Optional.empty()),
        FakeBulkRetirement.throttled(Optional.empty()));

    OffboardingReport report = start(service(), users);

    assertThat(report.users().get(0).outcome()).isEqualTo(UserOutcome.DONE);
    List<Call> retires = tenant.retireCalls();
    assertThat(retires).hasSize(3);
    assertThat(Duration.between(retires.get(0).at(), retires.get(1).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(Duration.between(retires.get(1).at(), retires.get(2).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void givenThrottlingThatNeverEnds_whenStarted_thenTheUserFailsWithGraphsCodeAndRequestId() {
    List<OffboardingUser> users = leavers(1, 1);
    for (int i = 0; i < OffboardingService.MAX_ATTEMPTS; i++) {
      tenant.answerRetires(FakeBulkRetirement.throttled(Optional.of(Duration.ofSeconds(1))));
    }

    OffboardingReport report = start(service(), users);

    UserProgress user = report.users().get(0);
    assertThat(user.outcome()).isEqualTo(UserOutcome.FAILED);
    assertThat(user.graphCode()).isEqualTo("TooManyRequests");
    assertThat(user.requestId()).isEqualTo("rid-429");
    assertThat(user.attempts()).isEqualTo(OffboardingService.MAX_ATTEMPTS);
    assertThat(user.message()).contains("after 6 attempts");
    assertThat(report.run().status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void givenATokenWithoutThePrivilegedScope_whenStarted_thenTheUserIsRefusedNamingIt() {
    List<OffboardingUser> users = leavers(1, 1);
    tenant.answerRetires(FakeBulkRetirement.forbidden("Forbidden", "Missing scope"));

    OffboardingReport report = start(service(), users);

    UserProgress user = report.users().get(0);
    assertThat(user.outcome()).isEqualTo(UserOutcome.REFUSED);
    assertThat(user.message())
        .startsWith("missing permission DeviceManagementManagedDevices.PrivilegedOperations.All");
  }

  @Test
  void
      givenMoreDevicesThanTheDailyLimit_whenStartedAndResumed_thenItStopsAtTheLimitAndResumesNextDay() {
    List<OffboardingUser> users = leavers(600, 2);
    OffboardingService service = service();

    OffboardingReport first = start(service, users);

    assertThat(first.run().status()).isEqualTo(RunStatus.STOPPED_AT_DAILY_LIMIT);
    assertThat(first.run().detail()).contains("daily limit of 1,000");
    assertThat(first.run().counts().done()).isEqualTo(500);
    assertThat(first.run().counts().devicesRetired()).isEqualTo(1000);
    int callsBefore = tenant.retireCalls().size();

    OffboardingReport sameDay = resume(service, first.run().id());

    assertThat(sameDay.run().status()).isEqualTo(RunStatus.STOPPED_AT_DAILY_LIMIT);
    assertThat(tenant.retireCalls()).hasSize(callsBefore);

    clock.set(Instant.parse("2026-03-03T00:00:01Z"));
    OffboardingReport nextDay = resume(service, first.run().id());

    assertThat(nextDay.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(nextDay.run().counts().done()).isEqualTo(600);
    assertThat(retireSends()).hasSize(600);
    assertThat(retireSends().values()).containsOnly(1);
  }

  @Test
  void givenTheTenantRefusesAtItsDailyLimit_whenStarted_thenTheRunStopsWithTheUserPending() {
    List<OffboardingUser> users = leavers(2, 1);
    tenant.answerRetires(
        FakeBulkRetirement.forbidden("quotaLimitReached", "The tenant's daily limit"));

    OffboardingReport report = start(service(), users);

    assertThat(report.run().status()).isEqualTo(RunStatus.STOPPED_AT_DAILY_LIMIT);
    assertThat(report.users().get(0).outcome()).isEqualTo(UserOutcome.PENDING);
    assertThat(report.users().get(1).outcome()).isEqualTo(UserOutcome.DONE);

    OffboardingReport resumed = resume(service(), report.run().id());

    assertThat(resumed.users()).extracting(UserProgress::outcome).containsOnly(UserOutcome.DONE);
  }

  @Test
  void givenAnAnswerLostAfterTheTenantActed_whenResumed_thenThoseUsersEndDoneWithoutASecondSend() {
    List<OffboardingUser> users = leavers(60, 2);
    tenant.loseAnswerOfRetireCall(2);
    OffboardingService service = service();

    OffboardingReport crashed = start(service, users);

    assertThat(crashed.run().status()).isEqualTo(RunStatus.STOPPED_BY_FAILURE);
    assertThat(crashed.run().counts().done()).isEqualTo(20);
    assertThat(crashed.users().get(25).sentAt()).isPresent();

    OffboardingReport resumed = resume(service, crashed.run().id());

    assertThat(resumed.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(resumed.users()).extracting(UserProgress::outcome).containsOnly(UserOutcome.DONE);
    assertThat(resumed.users()).extracting(UserProgress::devicesRetired).containsOnly(2);
    assertThat(retireSends()).hasSize(60);
    assertThat(retireSends().values()).containsOnly(1);
  }

  @Test
  void givenARejectedToken_whenStarted_thenTheRunStopsResumableWithTheUsersPending() {
    List<OffboardingUser> users = leavers(3, 1);
    tenant.answerRetires(FakeBulkRetirement.tokenRejected());

    OffboardingReport report = start(service(), users);

    assertThat(report.run().status()).isEqualTo(RunStatus.STOPPED_BY_FAILURE);
    assertThat(report.run().detail()).contains("token was rejected");
    assertThat(report.users().get(0).outcome()).isEqualTo(UserOutcome.PENDING);

    OffboardingReport resumed = resume(service(), report.run().id());

    assertThat(resumed.users()).extracting(UserProgress::outcome).containsOnly(UserOutcome.DONE);
    assertThat(retireSends().values()).containsOnly(1, 2);
  }

  @Test
  void givenAStopRequest_whenRunning_thenTheRunStopsAfterTheBatchAndResumesWhereItStopped() {
    List<OffboardingUser> users = leavers(100, 1);
    OffboardingListener stopAfterTwo = stopAfterBatches(2);
    OffboardingService service = service();

    OffboardingReport stopped =
        service.start(new StartOffboardingCommand(users, "leavers.txt", stopAfterTwo));

    assertThat(stopped.run().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(stopped.run().counts().done()).isEqualTo(40);

    OffboardingReport resumed = resume(service, stopped.run().id());

    assertThat(resumed.run().counts().done()).isEqualTo(100);
    assertThat(retireSends().values()).containsOnly(1);
  }

  @Test
  void
      givenARunStoppedRightAfterAFullWindow_whenResumed_thenItWaitsForTheWindowInsteadOfBursting() {
    List<OffboardingUser> users = leavers(260, 1);
    OffboardingListener stopAfterAWindow = stopAfterBatches(10);
    OffboardingService service = service();
    OffboardingReport stopped =
        service.start(new StartOffboardingCommand(users, "leavers.txt", stopAfterAWindow));
    assertThat(stopped.run().counts().done()).isEqualTo(200);

    resume(service, stopped.run().id());

    List<Call> retires = tenant.retireCalls();
    assertThat(Duration.between(retires.get(0).at(), retires.get(10).at()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(20_250));
  }

  @Test
  void givenLeavers_whenPreviewed_thenEachDevicesFateIsPredictedAndNothingIsSent() {
    User adele = ApplicationTestData.adele();
    tenant.with(adele, ApplicationTestData.devicesInEveryState(adele));
    List<OffboardingUser> users =
        List.of(
            new OffboardingUser(1, adele.userPrincipalName()),
            new OffboardingUser(2, "nobody@contoso.com"));

    OffboardingPreview preview =
        service().preview(new PreviewOffboardingCommand(users, OffboardingListener.NONE));

    assertThat(preview.users()).hasSize(2);
    assertThat(preview.users().get(0).outcome()).isEqualTo(UserOutcome.PENDING);
    assertThat(preview.users().get(0).devicesToRetire()).isEqualTo(7);
    assertThat(preview.users().get(1).outcome()).isEqualTo(UserOutcome.NOT_FOUND);
    assertThat(preview.usersFound()).isEqualTo(1);
    assertThat(tenant.retireCalls()).isEmpty();
    assertThat(runs.list()).isEmpty();
  }

  @Test
  void givenAnUnknownRun_whenResumed_thenItIsRefusedNamingTheRun() {
    assertThatThrownBy(() -> resume(service(), "20260101-000000-abcd"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("20260101-000000-abcd");
  }
}
