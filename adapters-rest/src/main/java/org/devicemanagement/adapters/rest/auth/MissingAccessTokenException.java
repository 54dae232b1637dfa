package org.devicemanagement.adapters.rest.auth;

/**
 * The request carries no bearer token: no {@code Authorization} header, another scheme, or nothing
 * after {@code Bearer}.
 */
public final class MissingAccessTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The request had no usable bearer token. */
  public MissingAccessTokenException() {
    super("Access token is empty.");
  }
}
