package org.devicemanagement.application.port.out;

import java.util.Optional;
import org.devicemanagement.domain.User;

/** The tenant's users. */
public interface UserDirectory {

  /** The user with object id {@code id} (compared ignoring case). */
  Optional<User> findById(String id);

  /** The user whose userPrincipalName is {@code userPrincipalName} (compared ignoring case). */
  Optional<User> findByUserPrincipalName(String userPrincipalName);
}
