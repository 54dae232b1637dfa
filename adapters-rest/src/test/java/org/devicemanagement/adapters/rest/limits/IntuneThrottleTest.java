package org.devicemanagement.adapters.rest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.devicemanagement.application.MovableClock;
import org.junit.jupiter.api.Test;

/** Intune's "devices" bucket: fixed 20-second windows per application and per tenant. */
class IntuneThrottleTest {

  private static final String TENANT = "tenant-a";
  private static final String OTHER_TENANT = "tenant-b";
  private static final String APP = "app-1";
  private static final String OTHER_APP = "app-2";
  private static final String THIRD_APP = "app-3";
  private static final boolean WRITE = true;
  private static final boolean READ = false;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final IntuneThrottle throttle = new IntuneThrottle(clock);

  private void admitAll(int count, String tenant, String app, boolean write) {
    for (int i = 0; i < count; i++) {
      assertThat(throttle.admit(tenant, app, write)).as("request %d", i + 1).isEmpty();
    }
  }

  @Test
  void givenAnApplicationsWritesAtTheLimit_whenItWritesAgain_thenRefusedUntilItsWindowCloses() {
    admitAll(200, TENANT, APP, WRITE);
    clock.advance(Duration.ofMillis(7_872));

    Optional<IntuneThrottle.Refusal> refusal = throttle.admit(TENANT, APP, WRITE);

    assertThat(refusal)
        .contains(
            new IntuneThrottle.Refusal(
                "200 writes per 20 seconds per application per tenant", Duration.ofMillis(12_128)));
  }

  @Test
  void givenAnApplicationThrottled_whenItsWindowCloses_thenItWritesAnotherFullWindow() {
    admitAll(200, TENANT, APP, WRITE);
    assertThat(throttle.admit(TENANT, APP, WRITE)).isPresent();

    clock.advance(Duration.ofSeconds(20));

    admitAll(200, TENANT, APP, WRITE);
    assertThat(throttle.admit(TENANT, APP, WRITE)).isPresent();
  }

  @Test
  void givenOneApplicationThrottled_whenAnotherApplicationOrTenantWrites_thenAdmitted() {
    admitAll(200, TENANT, APP, WRITE);

    assertThat(throttle.admit(TENANT, OTHER_APP, WRITE)).isEmpty();
    assertThat(throttle.admit(OTHER_TENANT, APP, WRITE)).isEmpty();
    assertThat(throttle.admit(TENANT, APP, WRITE)).isPresent();
  }

  @Test
  void givenTwoApplicationsAt200WritesEach_whenAThirdWrites_thenRefusedByTheTenantsLimit() {
    admitAll(200, TENANT, APP, WRITE);
    clock.advance(Duration.ofSeconds(5));
    admitAll(200, TENANT, OTHER_APP, WRITE);

    assertThat(throttle.admit(TENANT, THIRD_APP, WRITE))
        .contains(
            new IntuneThrottle.Refusal(
                "400 writes per 20 seconds per tenant", Duration.ofSeconds(15)));
    assertThat(throttle.admit(TENANT, THIRD_APP, READ)).isEmpty();
  }

  @Test
  void givenTwoLimitsReached_whenRefused_thenTheLongerWaitIsGivenSoThatTheRetryPassesBoth() {
    admitAll(200, TENANT, APP, WRITE);
    clock.advance(Duration.ofSeconds(10));
    admitAll(200, TENANT, OTHER_APP, WRITE);
    clock.advance(Duration.ofSeconds(5));

    // OTHER_APP's window closes in 15 s, the tenant's in 5 s.
    assertThat(throttle.admit(TENANT, OTHER_APP, WRITE))
        .contains(
            new IntuneThrottle.Refusal(
                "200 writes per 20 seconds per application per tenant", Duration.ofSeconds(15)));
  }

  @Test
  void givenAnApplicationsWritesAtTheLimit_whenItReads_thenReadsAreAdmitted() {
    admitAll(200, TENANT, APP, WRITE);

    admitAll(1_800, TENANT, APP, READ);

    assertThat(throttle.admit(TENANT, APP, READ))
        .contains(
            new IntuneThrottle.Refusal(
                "2,000 requests per 20 seconds per application per tenant",
                Duration.ofSeconds(20)));
  }

  @Test
  void givenAnApplicationAt2000Requests_whenItWrites_thenRefusedAsWritesAreRequestsToo() {
    admitAll(2_000, TENANT, APP, READ);

    assertThat(throttle.admit(TENANT, APP, WRITE)).isPresent();
    assertThat(throttle.admit(TENANT, OTHER_APP, WRITE)).isEmpty();
  }

  @Test
  void givenTwoApplicationsAt2000RequestsEach_whenAThirdReads_thenRefusedByTheTenantsLimit() {
    admitAll(2_000, TENANT, APP, READ);
    admitAll(2_000, TENANT, OTHER_APP, READ);

    assertThat(throttle.admit(TENANT, THIRD_APP, READ))
        .contains(
            new IntuneThrottle.Refusal(
                "4,000 requests per 20 seconds per tenant", Duration.ofSeconds(20)));
  }

  @Test
  void givenRefusedRequests_whenCounted_thenTheyCountForNothing() {
    admitAll(200, TENANT, APP, WRITE);
    for (int i = 0; i < 5_000; i++) {
      assertThat(throttle.admit(TENANT, APP, WRITE)).isPresent();
    }

    // The refused writes did not use up the application's or the tenant's requests.
    admitAll(1_800, TENANT, APP, READ);
    admitAll(200, TENANT, OTHER_APP, WRITE);
  }

  @Test
  void givenAWindowStillOpen_whenTheClockIsSetBack_thenANewWindowOpens() {
    clock.advance(Duration.ofHours(1));
    admitAll(200, TENANT, APP, WRITE);

    clock.set(Instant.parse("2026-01-01T00:00:00Z"));

    assertThat(throttle.admit(TENANT, APP, WRITE)).isEmpty();
  }

  @Test
  void givenCounts_whenReset_thenEveryWindowStartsAfresh() {
    admitAll(200, TENANT, APP, WRITE);
    admitAll(200, TENANT, OTHER_APP, WRITE);

    throttle.reset();

    admitAll(200, TENANT, APP, WRITE);
  }
}
