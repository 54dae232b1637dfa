package org.devicemanagement.adapters.rest.control;

import java.util.concurrent.atomic.LongAdder;

/**
 * Two counters that move when what the web console shows may have changed, so that it polls a few
 * bytes rather than the tenant: one for the tenant (every answered write, Graph's or the control
 * API's, and every run of check-ins), one for the requests answered (the journal and the faults'
 * counts).
 */
public final class ControlChanges {

  // Moved by every request on every thread and read by the console's polls only: adders, which do
  // not make the request threads contend for one counter.
  private final LongAdder tenant = new LongAdder();
  private final LongAdder requests = new LongAdder();

  /** Notes that the tenant, the clock, the faults or the audit trail may have changed. */
  public void tenantChanged() {
    tenant.increment();
  }

  /** Notes that a Graph request was answered. */
  void requestAnswered() {
    requests.increment();
  }

  /** The tenant's counter: equal readings mean nothing was written in between. */
  public long tenant() {
    return tenant.sum();
  }

  /** The requests' counter: equal readings mean no Graph request was answered in between. */
  public long requests() {
    return requests.sum();
  }
}
