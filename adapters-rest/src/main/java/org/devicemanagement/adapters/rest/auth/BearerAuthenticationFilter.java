package org.devicemanagement.adapters.rest.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/**
 * Authenticates every routed request by its bearer token. It runs after routing, as Graph's OData
 * routing answers unknown paths (400) and wrong methods (405) before looking at the token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthenticationFilter implements ContainerRequestFilter {

  private final AccessTokenVerifier verifier;

  /** A filter that trusts what {@code verifier} accepts. */
  public BearerAuthenticationFilter(AccessTokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    // Jersey answers OPTIONS itself with the Allow header; it reveals nothing and needs no token.
    if (HttpMethod.OPTIONS.equals(request.getMethod())) {
      return;
    }
    String token = BearerTokens.fromAuthorization(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    Caller caller = verifier.verify(token);
    request.setSecurityContext(
        new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
  }

  /** The caller a filtered request was authenticated as. */
  public static Caller caller(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    if (principal instanceof CallerPrincipal callerPrincipal) {
      return callerPrincipal.caller();
    }
    throw new IllegalStateException("the request was not authenticated");
  }

  private static final class CallerSecurityContext implements SecurityContext {
    private final CallerPrincipal principal;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
      this.principal = new CallerPrincipal(caller);
      this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.caller().permissions().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
