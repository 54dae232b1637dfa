package org.devicemanagement.adapters.rest.auth;

import java.security.Principal;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/** The authenticated caller of a request, as the request's security-context principal. */
public record CallerPrincipal(Caller caller) implements Principal {

  /** Checks that the caller is present. */
  public CallerPrincipal {
    Objects.requireNonNull(caller, "caller");
  }

  @Override
  public String getName() {
    return caller
        .objectId()
        .or(caller::userPrincipalName)
        .or(caller::appId)
        .orElse(caller.tenantId());
  }
}
