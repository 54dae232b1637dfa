package org.devicemanagement.adapters.rest.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates a request by its bearer token: the caller the verifier accepts becomes the
 * request's security-context principal, where resources find it.
 */
public final class BearerAuthentication {

  private final AccessTokenVerifier verifier;

  /** Authentication trusting what {@code verifier} accepts. */
  public BearerAuthentication(AccessTokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * Verifies the request's bearer token and records its caller.
   *
   * @throws MissingAccessTokenException if there is no bearer token
   * @throws InvalidAccessTokenException if the verifier refuses it
   */
  public void authenticate(ContainerRequestContext request) {
    String token = BearerTokens.fromAuthorization(authorization(request));
    Caller caller = verifier.verify(token);
    request.setSecurityContext(
        new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
  }

  // As getHeaderString gives it, but without copying the kilobyte of a token sent once.
  private static @Nullable String authorization(ContainerRequestContext request) {
    List<String> values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (values == null) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : String.join(",", values);
  }

  /** The caller a request was authenticated as. */
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
