package org.devicemanagement.adapters.rest.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates a request by its bearer token: the caller the verifier accepts becomes the
 * request's security-context principal, where resources find it.
 */
public final class BearerAuthentication {

  private final AccessTokenVerifier verifier;
  // The last Authorization header read and its token; replaced whole, so readers need no lock.
  private volatile @Nullable LastHeader lastHeader;

  /** Authentication trusting what {@code verifier} accepts. */
  public BearerAuthentication(AccessTokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /**
   * Verifies the bearer token of {@code authorization} (the request's {@code Authorization} header,
   * null when absent) and records its caller on {@code request}.
   *
   * @throws MissingAccessTokenException if there is no bearer token
   * @throws InvalidAccessTokenException if the verifier refuses it
   */
  public void authenticate(ContainerRequestContext request, @Nullable String authorization) {
    Caller caller = verifier.verify(token(authorization));
    request.setSecurityContext(
        new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
  }

  private String token(@Nullable String authorization) {
    // A script calls with one token many times: the token read from the same header last time is
    // taken again, rather than copying a kilobyte out of each request's header.
    LastHeader last = lastHeader;
    if (last != null && authorization != null && last.authorization().equals(authorization)) {
      return last.token();
    }
    String token = BearerTokens.fromAuthorization(authorization);
    lastHeader = new LastHeader(Objects.requireNonNull(authorization), token);
    return token;
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

  /** An {@code Authorization} header and the bearer token in it. */
  private record LastHeader(String authorization, String token) {}
}
