package org.devicemanagement.bootstrap.security;

/** The data directory or the signing key in it cannot be used; the message names the path. */
public final class SigningKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public SigningKeyException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public SigningKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
