package org.devicemanagement.adapters.rest.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The security context of a request nobody is authenticated on yet ({@link BearerAuthentication}
 * finds the caller from its Authorization header), over HTTPS when {@code secure}.
 */
public record AnonymousSecurityContext(boolean secure) implements SecurityContext {

  @Override
  public @Nullable Principal getUserPrincipal() {
    return null;
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public @Nullable String getAuthenticationScheme() {
    return null;
  }
}
