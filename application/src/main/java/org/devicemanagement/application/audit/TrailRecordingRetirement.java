package org.devicemanagement.application.audit;

import java.time.Instant;
import java.util.Objects;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/**
 * A backend's retirement that keeps its own trail (Microsoft Graph records nothing in ours),
 * recording each served retire-all's event in {@code trail} once the backend has answered: a
 * gateway's own record of what it did and for whom. A call the backend refuses throws before
 * anything is recorded here; the retire-all service records the refusal.
 */
public final class TrailRecordingRetirement implements DeviceRetirement {

  private final DeviceRetirement backend;
  private final AuditTrail trail;

  /** Retires through {@code backend}, recording in {@code trail}. */
  public TrailRecordingRetirement(DeviceRetirement backend, AuditTrail trail) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.trail = Objects.requireNonNull(trail, "trail");
  }

  @Override
  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    RetireAllOutcome outcome = backend.retireAll(user, at, audit);
    // Not atomic with the backend's change (Graph has already answered): a trail that fails here
    // fails the call, so the caller never sees a 204 for a retire-all the trail does not hold.
    trail.record(audit.eventFor(outcome));
    return outcome;
  }
}
