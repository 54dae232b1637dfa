package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/** The caller asks for the managed device {@code deviceId}. */
public record GetManagedDeviceQuery(Caller caller, String deviceId) {

  /** Checks that both parts are present. */
  public GetManagedDeviceQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(deviceId, "deviceId");
  }
}
