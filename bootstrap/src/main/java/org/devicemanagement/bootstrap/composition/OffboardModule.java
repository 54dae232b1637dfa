package org.devicemanagement.bootstrap.composition;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.offboarding.Pause;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.application.port.out.OffboardingRuns;
import org.devicemanagement.application.service.OffboardingService;

/**
 * The {@code offboard} command's graph: the offboarding service on the tenant it sends to, the
 * store that keeps its runs, and the limits it keeps under, waiting and timing for real.
 */
public final class OffboardModule extends AbstractModule {

  private final BulkRetirement tenant;
  private final OffboardingRuns runs;
  private final IntuneLimits limits;

  /** A module for a run against {@code tenant}, kept in {@code runs}, under {@code limits}. */
  public OffboardModule(BulkRetirement tenant, OffboardingRuns runs, IntuneLimits limits) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  protected void configure() {
    bind(BulkRetirement.class).toInstance(tenant);
    bind(OffboardingRuns.class).toInstance(runs);
  }

  @Provides
  @Singleton
  OffboardingService offboardingService(BulkRetirement bulk, OffboardingRuns store) {
    return new OffboardingService(
        bulk, store, limits, Clock.systemUTC(), Pause.SYSTEM, new SecureRandom());
  }
}
