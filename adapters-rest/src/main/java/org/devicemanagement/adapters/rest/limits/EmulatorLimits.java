package org.devicemanagement.adapters.rest.limits;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.devicemanagement.application.limits.DailyRetireLimit;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;

/**
 * The limits the emulator applies, as {@code serve --limits} chose them: with Intune's, the
 * throttling filter (its windows on {@code throttleClock}) and the daily retire limit; with none,
 * neither. {@link #reset()} forgets every count.
 */
public final class EmulatorLimits {

  private final LimitsMode mode;
  private final Optional<IntuneThrottle> throttle;
  private final Optional<ThrottlingFilter> filter;
  private final Optional<DailyRetireLimit> dailyRetires;

  private EmulatorLimits(
      LimitsMode mode,
      Clock throttleClock,
      Supplier<? extends RemoveAllDevicesFromManagementUseCase> retireAll) {
    this.mode = mode;
    if (mode.applies()) {
      IntuneThrottle counting = new IntuneThrottle(throttleClock);
      this.throttle = Optional.of(counting);
      this.filter = Optional.of(new ThrottlingFilter(counting, mode.sendsRetryAfter(), retireAll));
      this.dailyRetires = Optional.of(DailyRetireLimit.intune());
    } else {
      this.throttle = Optional.empty();
      this.filter = Optional.empty();
      this.dailyRetires = Optional.empty();
    }
  }

  /**
   * The limits of {@code mode}, the throttling windows measured by {@code throttleClock}; a
   * retire-all refused by throttling is recorded through the use case {@code retireAll} gives when
   * asked (on the first such refusal, so it may give one built later).
   */
  public static EmulatorLimits of(
      LimitsMode mode,
      Clock throttleClock,
      Supplier<? extends RemoveAllDevicesFromManagementUseCase> retireAll) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(throttleClock, "throttleClock");
    Objects.requireNonNull(retireAll, "retireAll");
    return new EmulatorLimits(mode, throttleClock, retireAll);
  }

  /** No limit at all. */
  public static EmulatorLimits off() {
    return of(
        LimitsMode.OFF,
        Clock.systemUTC(),
        () -> {
          throw new IllegalStateException("no limit applies, so nothing is throttled");
        });
  }

  /** The mode these limits were made for. */
  public LimitsMode mode() {
    return mode;
  }

  /** The throttling's counts, when it applies. */
  public Optional<IntuneThrottle> throttle() {
    return throttle;
  }

  /** The request filter the Jersey application must hold, when throttling applies. */
  public Optional<ThrottlingFilter> throttlingFilter() {
    return filter;
  }

  /** The daily retire limit the retire-all use case must go through, when it applies. */
  public Optional<DailyRetireLimit> dailyRetireLimit() {
    return dailyRetires;
  }

  /**
   * Forgets the throttling windows' counts, as at start. The day's retired devices are the audit
   * trail's, which a reset tenant clears.
   */
  public void reset() {
    throttle.ifPresent(IntuneThrottle::reset);
  }
}
