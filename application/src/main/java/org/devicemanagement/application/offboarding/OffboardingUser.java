package org.devicemanagement.application.offboarding;

import java.util.Objects;

/**
 * One user to offboard, as a users file names them.
 *
 * @param line the line of the file (1 for the first)
 * @param user an object id or a sign-in name (user principal name)
 */
public record OffboardingUser(int line, String user) {

  /** Checks that the line is positive and the user named. */
  public OffboardingUser {
    Objects.requireNonNull(user, "user");
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, was %d".formatted(line));
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("line %d names no user".formatted(line));
    }
  }
}
