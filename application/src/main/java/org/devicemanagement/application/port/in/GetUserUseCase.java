package org.devicemanagement.application.port.in;

import org.devicemanagement.domain.User;

/**
 * Reads one user of the tenant (Graph's {@code GET /users/{id | userPrincipalName}} and {@code GET
 * /me}).
 */
public interface GetUserUseCase {

  /** Checks the caller's permission and returns the user. */
  User getUser(GetUserQuery query);
}
