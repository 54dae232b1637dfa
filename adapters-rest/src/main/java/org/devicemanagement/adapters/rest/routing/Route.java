package org.devicemanagement.adapters.rest.routing;

import java.util.List;
import java.util.Objects;

/**
 * A request path resolved once, at the start of routing: the route it names and its parameters,
 * already decoded (an OData key such as {@code users('o''brien@contoso.com')} included). Resources
 * read their parameters here rather than parsing the path again.
 *
 * @param template the route
 * @param canonicalPath the path relative to the API's base, still percent-encoded, with every
 *     literal segment in Graph's spelling: the path Jersey dispatches on
 * @param parameterValues the decoded parameter values, in the order of the template's names
 */
public record Route(RouteTemplate template, String canonicalPath, List<String> parameterValues)
    implements Resolution {

  /** Checks every part; there is one value per parameter of the template. */
  public Route {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(canonicalPath, "canonicalPath");
    parameterValues = List.copyOf(parameterValues);
    if (parameterValues.size() != template.parameterNames().size()) {
      throw new IllegalArgumentException(
          "%d values for the parameters %s"
              .formatted(parameterValues.size(), template.parameterNames()));
    }
  }

  /**
   * The decoded value of the parameter {@code name}.
   *
   * @throws IllegalArgumentException if the route has no such parameter
   */
  public String parameter(String name) {
    List<String> names = template.parameterNames();
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(name)) {
        return parameterValues.get(i);
      }
    }
    throw new IllegalArgumentException(
        "the route %s has no parameter '%s'".formatted(template.path(), name));
  }

  /**
   * The Graph action or function this route names, such as {@code removeAllDevicesFromManagement}.
   *
   * @throws IllegalStateException if its last segment is not one
   */
  public String boundOperation() {
    return template
        .boundOperation()
        .orElseThrow(
            () -> new IllegalStateException(template.path() + " names no bound operation"));
  }
}
