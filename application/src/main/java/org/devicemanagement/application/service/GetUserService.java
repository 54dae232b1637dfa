package org.devicemanagement.application.service;

import java.util.Objects;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.User;

/** Reads one user after checking the caller may read users. */
public final class GetUserService implements GetUserUseCase {

  private final PermissionPolicy policy;
  private final UserResolver users;

  /** A service enforcing {@code policy} over the given directory. */
  public GetUserService(PermissionPolicy policy, UserDirectory users) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.users = new UserResolver(users);
  }

  @Override
  public User getUser(GetUserQuery query) {
    UserResolver.checkMeIsDelegated(query.caller(), query.user());
    policy.authorize(query.caller(), Operation.GET_USER);
    return users.resolve(query.caller(), query.user());
  }
}
