package org.devicemanagement.application.port.in;

import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.offboarding.OffboardingListener;
import org.devicemanagement.application.offboarding.OffboardingUser;

/**
 * The users to preview and who hears the progress.
 *
 * @param users the users, in the file's order
 * @param listener hears the progress
 */
public record PreviewOffboardingCommand(List<OffboardingUser> users, OffboardingListener listener) {

  /** Checks that every field is present and copies the users. */
  public PreviewOffboardingCommand {
    users = List.copyOf(users);
    Objects.requireNonNull(listener, "listener");
  }
}
