package org.devicemanagement.bootstrap.composition;

/**
 * A tenant was given ({@code --tenant}) for a durable store that already holds one, without leave
 * to replace it ({@code --replace-tenant}); the message says how to go on.
 */
public final class StoreSeedingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A refusal described by {@code message}. */
  public StoreSeedingException(String message) {
    super(message);
  }
}
