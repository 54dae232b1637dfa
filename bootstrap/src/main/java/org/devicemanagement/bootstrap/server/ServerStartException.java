package org.devicemanagement.bootstrap.server;

/** The HTTP server could not start (for example, the port is in use); the message says why. */
public final class ServerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, caused by {@code cause}. */
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
