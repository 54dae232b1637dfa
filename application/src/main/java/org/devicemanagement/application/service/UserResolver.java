package org.devicemanagement.application.service;

import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.failure.DelegatedCallerRequiredException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.User;

/** Finds the user a request names, including the signed-in caller behind {@code /me}. */
final class UserResolver {

  private final UserDirectory directory;

  UserResolver(UserDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Fails fast, before any permission check, when {@code /me} is used by a caller with no user, as
   * Graph does.
   */
  static void checkMeIsDelegated(Caller caller, UserReference reference) {
    if (reference instanceof UserReference.SignedInUser && !caller.permissionType().isDelegated()) {
      throw new DelegatedCallerRequiredException();
    }
  }

  User resolve(Caller caller, UserReference reference) {
    if (reference instanceof UserReference.ById byId) {
      return directory.findById(byId.id()).orElseThrow(() -> new UserNotFoundException(byId.id()));
    }
    if (reference instanceof UserReference.ByUserPrincipalName byUpn) {
      return directory
          .findByUserPrincipalName(byUpn.userPrincipalName())
          .orElseThrow(() -> new UserNotFoundException(byUpn.userPrincipalName()));
    }
    checkMeIsDelegated(caller, reference);
    // Entra's delegated tokens name the user by oid; a token without one is looked up by its upn.
    Optional<User> byObjectId = caller.objectId().flatMap(directory::findById);
    if (byObjectId.isPresent()) {
      return byObjectId.get();
    }
    return caller
        .userPrincipalName()
        .flatMap(directory::findByUserPrincipalName)
        .orElseThrow(
            () ->
                new UserNotFoundException(
                    caller.objectId().or(caller::userPrincipalName).orElse("me")));
  }
}
