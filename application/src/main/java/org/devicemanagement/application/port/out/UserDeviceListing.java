package org.devicemanagement.application.port.out;

import java.util.List;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/** Lists the managed devices whose primary user is a given user. */
public interface UserDeviceListing {

  /** Every device whose primary user is {@code user}, ordered by device id. */
  List<ManagedDevice> listByUser(User user);
}
