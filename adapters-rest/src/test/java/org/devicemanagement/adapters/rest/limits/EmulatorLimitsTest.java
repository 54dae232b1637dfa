package org.devicemanagement.adapters.rest.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.limits.DailyRetireLimit;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
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
      EmulatorLimits limits = EmulatorLimits.of(mode, Clock.fixed(NOW, ZoneOffset.UTC));

      assertThat(limits.throttlingFilter()).isPresent();
      assertThat(limits.dailyRetireLimit())
          .hasValueSatisfying(limit -> assertThat(limit.perDay()).isEqualTo(1_000));
    }
  }

  @Test
  void givenCountsInBothLimits_whenReset_thenBothStartAfresh() {
    EmulatorLimits limits = EmulatorLimits.of(LimitsMode.INTUNE, Clock.fixed(NOW, ZoneOffset.UTC));
    IntuneThrottle throttle = limits.throttle().orElseThrow();
    DailyRetireLimit daily = limits.dailyRetireLimit().orElseThrow();
    for (int i = 0; i < IntuneThrottle.APPLICATION_WRITES; i++) {
      throttle.admit("tenant", "app", true);
    }
    User user = new User("00000000-0000-4000-8000-000000000001", "a@contoso.com", "A");
    ManagedDevice device =
        ManagedDevice.builder("device-1", user.id())
            .managementState(ManagementState.MANAGED)
            .build();
    UserDeviceListing listing = u -> List.of(device);
    DeviceRetirement retirement =
        (u, at, audit) -> RetireAllRule.applyTo(u.id(), List.of(device), at);
    RetireAllOutcome outcome =
        daily.guard(retirement, listing).retireAll(user, NOW, ApplicationTestData.audit());
    assertThat(outcome.changedCount()).isEqualTo(1);
    assertThat(throttle.admit("tenant", "app", true)).isPresent();

    limits.reset();

    assertThat(throttle.admit("tenant", "app", true)).isEmpty();
    assertThat(daily.retiredOnDayOf(NOW)).isZero();
  }
}
