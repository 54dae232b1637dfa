package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request header's value as {@link ContainerRequestContext#getHeaderString} gives it (the values
 * joined with commas), without copying the common value sent once: a bearer token is about a
 * kilobyte, and Jersey's method copies it for every call.
 */
public final class HeaderValues {

  private HeaderValues() {}

  /** The value of header {@code name} of {@code request}; null when it was not sent. */
  public static @Nullable String of(ContainerRequestContext request, String name) {
    List<String> values = request.getHeaders().get(name);
    if (values == null) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : String.join(",", values);
  }
}
