package org.devicemanagement.application.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void givenNewClock_whenRead_thenItStandsAtItsStartInUtc() {
    VirtualClock clock = new VirtualClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).as("it does not move by itself").isEqualTo(START);
    assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
  }

  @Test
  void givenClock_whenAdvanced_thenDueWorkSeesTheTargetBeforeTheClockMoves() {
    VirtualClock clock = new VirtualClock(START);
    List<String> seen = new ArrayList<>();

    Instant after =
        clock.advance(Duration.ofHours(8), target -> seen.add(target + " at " + clock.instant()));

    assertThat(after).isEqualTo(START.plus(Duration.ofHours(8)));
    assertThat(clock.instant()).isEqualTo(after);
    assertThat(seen).containsExactly(after + " at " + START);
  }

  @Test
  void givenNegativeDuration_whenAdvanced_thenRefusedAndClockStays() {
    VirtualClock clock = new VirtualClock(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1), target -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void givenAdvancedClock_whenReset_thenBackAtStart() {
    VirtualClock clock = new VirtualClock(START);
    clock.advance(Duration.ofDays(3), target -> {});
    List<Instant> seen = new ArrayList<>();

    clock.reset(seen::add);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(seen).containsExactly(START);
  }

  @Test
  void givenZonedView_whenClockAdvances_thenTheViewFollows() {
    VirtualClock clock = new VirtualClock(START);
    var paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(5), target -> {});

    assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
