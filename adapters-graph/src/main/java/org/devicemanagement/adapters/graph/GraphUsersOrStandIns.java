package org.devicemanagement.adapters.graph;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.User;

/**
 * The tenant's users as the device operations need them: Graph's device calls ({@code /users/{id |
 * userPrincipalName}/managedDevices}, {@code .../removeAllDevicesFromManagement}) resolve the user
 * themselves and need no user-reading scope, so when Graph refuses to describe a user (403: the
 * caller has no {@code User.Read.All} or the like) a stand-in naming the user as the request did is
 * returned, and Graph decides on the device call itself (404 there is "user not found").
 *
 * <p>A stand-in for an object id has that id and the sign-in name {@code <id>@unresolved.invalid};
 * a stand-in for a sign-in name has that name as both id and sign-in name. Use this directory only
 * for the device operations; reading a user ({@code GET /users/{id}}) must use {@link
 * GraphTenant#users()} so that Graph's refusal reaches the caller.
 */
public final class GraphUsersOrStandIns implements UserDirectory {

  /** The reserved domain of a stand-in's sign-in name when only its object id is known. */
  public static final String UNRESOLVED_DOMAIN = "unresolved.invalid";

  private final GraphUserDirectory users;

  GraphUsersOrStandIns(GraphUserDirectory users) {
    this.users = Objects.requireNonNull(users, "users");
  }

  @Override
  public Optional<User> findById(String id) {
    Objects.requireNonNull(id, "id");
    try {
      return users.findById(id);
    } catch (BackendForbiddenException e) {
      return Optional.of(new User(id, id.toLowerCase(Locale.ROOT) + "@" + UNRESOLVED_DOMAIN, ""));
    }
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    try {
      return users.findByUserPrincipalName(userPrincipalName);
    } catch (BackendForbiddenException e) {
      return userPrincipalName.contains("@")
          ? Optional.of(new User(userPrincipalName, userPrincipalName, ""))
          : Optional.empty();
    }
  }

  /**
   * Whether {@code user} is a stand-in for a sign-in name: its id is that name, not an object id,
   * and Graph's own devices name the user by object id.
   */
  static boolean isNamedBySignInNameOnly(User user) {
    return user.id().equalsIgnoreCase(user.userPrincipalName());
  }

  /**
   * Whether {@code user} is a stand-in this directory made (for an object id or a sign-in name)
   * rather than a user Graph described.
   */
  static boolean isStandIn(User user) {
    return isNamedBySignInNameOnly(user)
        || user.userPrincipalName()
            .equalsIgnoreCase(user.id().toLowerCase(Locale.ROOT) + "@" + UNRESOLVED_DOMAIN);
  }

  @Override
  public String toString() {
    return "GraphUsersOrStandIns";
  }
}
