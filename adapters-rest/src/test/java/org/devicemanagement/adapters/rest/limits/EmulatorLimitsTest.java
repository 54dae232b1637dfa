package org.devicemanagement.adapters.rest.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code --limits} turns on, and that one reset forgets every count. */
class EmulatorLimitsTest {

  private static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

  @Test
  void givenEveryModeName_whenParsed_thenItsModeIgnoringCase() {
    assertThat(LimitsMode.parse("off")).isEqualTo(LimitsMode.OFF);
    assertThat(LimitsMode.parse("Intune")).isEqualTo(LimitsMode.INTUNE);
    assertThat(LimitsMode.parse("INTUNE-NO-RETRY-AFTER"))
        .isEqualTo(LimitsMode.INTUNE_NO_RETRY_AFTER);
    assertThat(LimitsMode.INTUNE_NO_RETRY_AFTER.optionValue()).isEqualTo("intune-no-retry-after");
    assertThatThrownBy(() -> LimitsMode.parse("graph"))
        .hasMessage("'graph' (expected off, intune or intune-no-retry-after)");
  }

  @Test
  void givenLimitsOff_whenAsked_thenNoFilterAndNoDailyLimit() {
    EmulatorLimits limits = EmulatorLimits.off();

    assertThat(limits.mode()).isEqualTo(LimitsMode.OFF);
    assertThat(limits.throttlingFilter()).isEmpty();
    assertThat(limits.throttle()).isEmpty();
    assertThat(limits.dailyRetireLimit()).isEmpty();
    limits.reset();
  }

  @Test
  void givenIntunesLimits_whenAsked_thenTheFilterAndIntunesDailyLimit() {
    for (LimitsMode mode : List.of(LimitsMode.INTUNE, LimitsMode.INTUNE_NO_RETRY_AFTER)) {
      EmulatorLimits limits = of(mode);

      assertThat(limits.throttlingFilter()).isPresent();
      assertThat(limits.dailyRetireLimit())
          .hasValueSatisfying(limit -> assertThat(limit.perDay()).isEqualTo(1_000));
    }
  }

  @Test
  void givenCountsInTheThrottle_whenReset_thenItStartsAfresh() {
    EmulatorLimits limits = of(LimitsMode.INTUNE);
    IntuneThrottle throttle = limits.throttle().orElseThrow();
    for (int i = 0; i < IntuneThrottle.APPLICATION_WRITES; i++) {
      throttle.admit("tenant", "app", true);
    }
    assertThat(throttle.admit("tenant", "app", true)).isPresent();

    limits.reset();

    assertThat(throttle.admit("tenant", "app", true)).isEmpty();
  }

  private static EmulatorLimits of(LimitsMode mode) {
    return EmulatorLimits.of(
        mode,
        Clock.fixed(NOW, ZoneOffset.UTC),
        () -> {
          throw new AssertionError("no retire-all is refused here");
        });
  }
}
