package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;

/** The tenant's managed devices. */
public interface ManagedDevices {

  /** Every device whose primary user is {@code user}, ordered by device id. */
  List<ManagedDevice> listByUser(User user);

  /** The device with id {@code deviceId}. */
  Optional<ManagedDevice> findById(String deviceId);

  /**
   * Applies the retire-all rule at {@code at} to every device of {@code user} as one atomic step:
   * concurrent calls for the same user never lose or double-apply a transition.
   *
   * @return each device of the user before and after, ordered by device id
   */
  RetireAllOutcome retireAll(User user, Instant at);
}
