package org.devicemanagement.adapters.rest.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates every routed request by its bearer token. It runs after routing, as Graph's OData
 * routing answers unknown paths (400) and wrong methods (405) before looking at the token.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "bearer";

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
    String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
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

  /**
   * The token of an {@code Authorization} header of scheme {@code Bearer} (in any case).
   *
   * @throws MissingAccessTokenException if the header is absent, of another scheme or empty
   */
  public static String bearerToken(@Nullable String authorization) {
    if (authorization == null) {
      throw new MissingAccessTokenException();
    }
    String value = authorization.strip();
    int space = indexOfWhitespace(value);
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals(BEARER)) {
      throw new MissingAccessTokenException();
    }
    String token = space < 0 ? "" : value.substring(space + 1).strip();
    if (token.isEmpty()) {
      throw new MissingAccessTokenException();
    }
    return token;
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
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
