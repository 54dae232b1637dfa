package org.devicemanagement.bootstrap.offboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.devicemanagement.application.offboarding.OffboardingProgress;
import org.devicemanagement.application.offboarding.OutcomeCounts;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

  private final StringWriter text = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  private static OffboardingProgress progress(int ended, int total, long seconds, long waiting) {
    return new OffboardingProgress(
        "run",
        new OutcomeCounts(total, total - ended, ended, 0, 0, 0, 0, ended * 2),
        ended,
        ended,
        3,
        Duration.ofSeconds(seconds),
        Duration.ofSeconds(waiting));
  }

  @Test
  void givenATerminal_whenProgressIsShown_thenABarWithRateThrottledAndEtaIsRedrawnInPlace() {
    ProgressDisplay display =
        new ProgressDisplay(new PrintWriter(text), true, "retiring", nanos::get);

    display.progress(progress(250, 1000, 25, 0));
    nanos.addAndGet(1_000_000_000L);
    display.progress(progress(500, 1000, 50, 18));
    display.finish();

    assertThat(text.toString())
        .startsWith(
            "\r[######..................] 250/1,000 users  10.0 users/s  429s: 3  ETA 1m15s")
        .contains("\r[############............] 500/1,000 users  10.0 users/s  429s: 3  ETA 50s")
        .contains("(waiting 18s)")
        .endsWith(System.lineSeparator())
        .doesNotContain("retiring:");
  }

  @Test
  void givenAPipe_whenProgressComesQuickly_thenPlainLinesAreWrittenAtMostEveryFewSeconds() {
    ProgressDisplay display =
        new ProgressDisplay(new PrintWriter(text), false, "retiring", nanos::get);

    display.progress(progress(20, 100, 2, 0));
    nanos.addAndGet(1_000_000_000L);
    display.progress(progress(40, 100, 4, 0));
    nanos.addAndGet(5_000_000_000L);
    display.progress(progress(60, 100, 6, 0));
    display.finish();

    assertThat(text.toString().lines())
        .containsExactly(
            "retiring: 20/100 users  10.0 users/s  429s: 3  ETA 8s",
            "retiring: 60/100 users  10.0 users/s  429s: 3  ETA 4s");
  }

  @Test
  void givenAStopRequest_whenAsked_thenTheRunIsToldToStop() {
    ProgressDisplay display =
        new ProgressDisplay(new PrintWriter(text), false, "retiring", nanos::get);

    assertThat(display.stopRequested()).isFalse();
    display.requestStop();
    assertThat(display.stopRequested()).isTrue();
  }
}
