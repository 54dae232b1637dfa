package org.devicemanagement.adapters.rest.limits;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.limits.DailyRetireLimit;

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

  private EmulatorLimits(LimitsMode mode, Clock throttleClock) {
    this.mode = mode;
    if (mode.applies()) {
      IntuneThrottle counting = new IntuneThrottle(throttleClock);
      this.throttle = Optional.of(counting);
      this.filter = Optional.of(new ThrottlingFilter(counting, mode.sendsRetryAfter()));
      this.dailyRetires = Optional.of(DailyRetireLimit.intune());
    } else {
      this.throttle = Optional.empty();
      this.filter = Optional.empty();
      this.dailyRetires = Optional.empty();
    }
  }

  /** The limits of {@code mode}, the throttling windows measured by {@code throttleClock}. */
  public static EmulatorLimits of(LimitsMode mode, Clock throttleClock) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(throttleClock, "throttleClock");
    return new EmulatorLimits(mode, throttleClock);
  }

  /** No limit at all. */
  public static EmulatorLimits off() {
    return of(LimitsMode.OFF, Clock.systemUTC());
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

  /** Forgets every count (throttling windows, the day's retired devices), as at start. */
  public void reset() {
    throttle.ifPresent(IntuneThrottle::reset);
    dailyRetires.ifPresent(DailyRetireLimit::reset);
  }
}
