package org.devicemanagement.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.domain.ManagedDevice;

/** One page of devices and, when more follow, the opaque token that continues after it. */
public record ManagedDevicePage(List<ManagedDevice> devices, Optional<String> nextSkipToken) {

  /** Copies the devices. */
  public ManagedDevicePage {
    devices = List.copyOf(devices);
    Objects.requireNonNull(nextSkipToken, "nextSkipToken");
  }
}
