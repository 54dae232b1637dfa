package org.devicemanagement.adapters.rest.auth;

import java.util.Objects;

/**
 * An access token failed verification; the message is the reason, safe to show to the caller, and
 * never contains the token.
 */
public final class InvalidAccessTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The token was refused for {@code reason}, for example "the token has expired". */
  public InvalidAccessTokenException(String reason) {
    super(Objects.requireNonNull(reason, "reason"));
  }

  /** The token was refused for {@code reason}; {@code cause} is kept for logs, not shown. */
  public InvalidAccessTokenException(String reason, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason"), cause);
  }

  /** Why the token was refused, safe to show to the caller. */
  public String reason() {
    return String.valueOf(getMessage());
  }
}
