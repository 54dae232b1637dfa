package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/** The caller asks to retire all devices of {@code user}. */
public record RemoveAllDevicesFromManagementCommand(Caller caller, UserReference user) {

  /** Checks that both parts are present. */
  public RemoveAllDevicesFromManagementCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(user, "user");
  }
}
