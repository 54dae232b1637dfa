package org.devicemanagement.application.port.in;

import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.offboarding.OffboardingListener;
import org.devicemanagement.application.offboarding.OffboardingUser;

/**
 * The users to offboard, where they came from, and who hears the progress.
 *
 * @param users the users, in the file's order (a user named twice, ignoring case, is offboarded
 *     once, at their first line)
 * @param source where the users came from, recorded with the run (such as the file's path)
 * @param listener hears the progress and may ask the run to stop
 */
public record StartOffboardingCommand(
    List<OffboardingUser> users, String source, OffboardingListener listener) {

  /** Checks that every field is present and copies the users. */
  public StartOffboardingCommand {
    users = List.copyOf(users);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(listener, "listener");
  }
}
