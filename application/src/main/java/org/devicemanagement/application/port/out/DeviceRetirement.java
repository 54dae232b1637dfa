package org.devicemanagement.application.port.out;

import java.time.Instant;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/** Retires all of a user's managed devices, as one atomic step per user. */
public interface DeviceRetirement {

  /**
   * Applies the retire-all rule at {@code at} to every device of {@code user} and records {@code
   * audit}'s event for the outcome ({@link RetireAllAudit#eventFor}) in the same tenant's {@link
   * AuditTrail}, as one atomic step: concurrent calls for the same user never lose or double-apply
   * a transition, and the trail never disagrees with the devices. A backend that keeps its own
   * trail (Microsoft Graph) records nothing here; whoever composes it records the event after.
   *
   * @return each device of the user before and after, ordered by device id
   */
  RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit);
}
