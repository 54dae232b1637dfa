package org.devicemanagement.bootstrap.gateway;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The inbound caller's bearer token for the request in progress, so that the Graph adapter can pass
 * it on: stored by the authentication step once the token is accepted, read by the adapter's
 * credentials on the same thread, cleared when the response is written. The token never crosses an
 * application port and is never logged.
 *
 * <p>Jersey runs a synchronous resource method, its filters and its exception mappers on the
 * container thread that accepted the request, and the Graph adapter sends each call on the thread
 * that makes it (its bulkhead only counts calls, it never hands them to another thread), which is
 * what makes a thread-bound holder correct.
 */
public final class InboundTokens {

  private final ThreadLocal<@Nullable String> current = new ThreadLocal<>();

  /** The token of the request in progress on this thread, or null outside a request. */
  public @Nullable String current() {
    return current.get();
  }

  /** Forgets the token of this thread's request. */
  public void clear() {
    current.remove();
  }

  /** {@code verifier}, remembering each token it accepts for the rest of the request. */
  public AccessTokenVerifier capturing(AccessTokenVerifier verifier) {
    Objects.requireNonNull(verifier, "verifier");
    return new AccessTokenVerifier() {
      @Override
      public Caller verify(String bearerToken) {
        // A token left by an earlier request on this thread must never serve this one.
        current.remove();
        Caller caller = verifier.verify(bearerToken);
        current.set(bearerToken);
        return caller;
      }

      @Override
      public String toString() {
        return "capturing " + verifier;
      }
    };
  }

  /** The response filter that clears the token once the response is on its way. */
  public ContainerResponseFilter clearingFilter() {
    return new ClearingFilter(this);
  }

  @Override
  public String toString() {
    return "InboundTokens";
  }

  /** Clears the holder of every response, errors included. */
  private static final class ClearingFilter implements ContainerResponseFilter {
    private final InboundTokens tokens;

    ClearingFilter(InboundTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      tokens.clear();
    }
  }
}
