package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Objects;
import org.devicemanagement.adapters.rest.limits.EmulatorLimits;
import org.devicemanagement.application.limits.DailyRetireLimit;

/**
 * The emulator's limits: binds them whole (for whatever resets their counts) and, when Intune's
 * apply, the daily retire limit that retire-all goes through. The throttling filter is not bound
 * here: Jersey holds it ({@link Composition#jerseyProviders()}).
 */
final class LimitsModule extends AbstractModule {

  private final EmulatorLimits limits;

  LimitsModule(EmulatorLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  protected void configure() {
    bind(EmulatorLimits.class).toInstance(limits);
    limits
        .dailyRetireLimit()
        .ifPresent(
            limit ->
                OptionalBinder.newOptionalBinder(binder(), DailyRetireLimit.class)
                    .setBinding()
                    .toInstance(limit));
  }
}
