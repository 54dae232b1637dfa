package org.devicemanagement.application.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.User;

/** A trivial in-memory {@link UserDirectory} that also records every lookup it answers. */
public final class FakeUserDirectory implements UserDirectory {

  private final List<User> users;
  private final List<String> lookups = new ArrayList<>();

  /** A directory of {@code users}. */
  public FakeUserDirectory(List<User> users) {
    this.users = List.copyOf(users);
  }

  @Override
  public synchronized Optional<User> findById(String id) {
    lookups.add("id:" + id);
    return users.stream().filter(u -> u.hasId(id)).findFirst();
  }

  @Override
  public synchronized Optional<User> findByUserPrincipalName(String userPrincipalName) {
    lookups.add("upn:" + userPrincipalName);
    return users.stream().filter(u -> u.hasUserPrincipalName(userPrincipalName)).findFirst();
  }

  /** Every lookup so far, as {@code id:<id>} or {@code upn:<upn>}, in order. */
  public synchronized List<String> lookups() {
    return List.copyOf(lookups);
  }
}
