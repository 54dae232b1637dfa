package org.devicemanagement.adapters.rest.resource;

import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.UserReference;

/** Reads the {@code {id | userPrincipalName}} path segment and names users in OData contexts. */
final class UserReferences {

  private UserReferences() {}

  /** The user a decoded path segment names; a blank one is a bad request, not a lookup. */
  static UserReference parse(String segment) {
    if (segment.isBlank()) {
      throw new InvalidRequestException("Invalid object identifier '%s'.".formatted(segment));
    }
    return UserReference.parse(segment);
  }

  /**
   * The key Graph's {@code users('<key>')} context uses: the path's text, or the caller for /me.
   */
  static String contextKey(UserReference user, Caller caller) {
    if (user instanceof UserReference.SignedInUser) {
      return caller.objectId().or(caller::userPrincipalName).orElse(user.text());
    }
    return user.text();
  }
}
