package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/** The caller asks for the user {@code user} (by id, by sign-in name, or {@code /me}). */
public record GetUserQuery(Caller caller, UserReference user) {

  /** Checks that both parts are present. */
  public GetUserQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(user, "user");
  }
}
