package org.devicemanagement.application.port.out;

import java.util.Optional;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;

/** Searches the tenant's managed devices, whoever their user, one page at a time. */
public interface ManagedDeviceSearch {

  /**
   * One page of at most {@code pageSize} of the tenant's devices that match {@code query}, in its
   * order, continuing after {@code skipToken} (a token an earlier page of the same query gave) when
   * present; counted when the query asks for it.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the skip token is
   *     not one this search gave
   */
  DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken);
}
