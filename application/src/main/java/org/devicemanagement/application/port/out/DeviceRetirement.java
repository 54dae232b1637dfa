package org.devicemanagement.application.port.out;

import java.time.Instant;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/** Retires all of a user's managed devices, as one atomic step per user. */
public interface DeviceRetirement {

  /**
   * Applies the retire-all rule at {@code at} to every device of {@code user} as one atomic step:
   * concurrent calls for the same user never lose or double-apply a transition.
   *
   * @return each device of the user before and after, ordered by device id
   */
  RetireAllOutcome retireAll(User user, Instant at);
}
