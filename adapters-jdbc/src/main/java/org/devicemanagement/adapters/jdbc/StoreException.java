package org.devicemanagement.adapters.jdbc;

/**
 * A store could not be opened (server unreachable, credentials refused, file not writable, schema
 * newer than this code) or failed while in use; the message says which store and why.
 */
public final class StoreException extends RuntimeException {

  /** A failure described by {@code message}. */
  public StoreException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
