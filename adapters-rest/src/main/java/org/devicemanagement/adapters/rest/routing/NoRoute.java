package org.devicemanagement.adapters.rest.routing;

import java.util.Objects;

/**
 * A path that names no route; {@code message} says which segment, as Graph words it.
 *
 * @param message the text of the 400 answer
 */
public record NoRoute(String message) implements Resolution {
  /** Checks that the message is present. */
  public NoRoute {
    Objects.requireNonNull(message, "message");
  }
}
