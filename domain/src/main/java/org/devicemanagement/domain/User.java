package org.devicemanagement.domain;

import java.util.Objects;

/** A user of the tenant: the object id, the sign-in name and the display name. */
public record User(String id, String userPrincipalName, String displayName) {

  /** Checks that the id and sign-in name are present and well formed. */
  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(displayName, "displayName");
    if (id.isBlank()) {
      throw new IllegalArgumentException("user id must not be blank");
    }
    if (!userPrincipalName.contains("@")) {
      throw new IllegalArgumentException(
          "userPrincipalName '%s' of user %s must contain '@'".formatted(userPrincipalName, id));
    }
  }

  /**
   * Whether {@code candidate} names this user's sign-in name; Entra compares them ignoring case.
   */
  public boolean hasUserPrincipalName(String candidate) {
    return userPrincipalName.equalsIgnoreCase(candidate);
  }

  /** Whether {@code candidate} is this user's object id; ids are GUIDs, compared ignoring case. */
  public boolean hasId(String candidate) {
    return id.equalsIgnoreCase(candidate);
  }
}
