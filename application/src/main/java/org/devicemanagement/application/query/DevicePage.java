package org.devicemanagement.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.devicemanagement.domain.ManagedDevice;

/**
 * One page of devices, the opaque token that continues after it when more follow, and the number of
 * devices the whole listing holds when it was asked to count them.
 */
public record DevicePage(
    List<ManagedDevice> devices, Optional<String> nextSkipToken, OptionalLong count) {

  /** Copies the devices. */
  public DevicePage {
    devices = List.copyOf(devices);
    Objects.requireNonNull(nextSkipToken, "nextSkipToken");
    Objects.requireNonNull(count, "count");
  }
}
