package org.devicemanagement.bootstrap.offboard;

/** A users file that cannot be read or has bad lines; the message names the file and lines. */
public final class UsersFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure saying {@code message}. */
  public UsersFileException(String message) {
    super(message);
  }
}
