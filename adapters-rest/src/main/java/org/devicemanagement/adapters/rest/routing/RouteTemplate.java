package org.devicemanagement.adapters.rest.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One route of the API as its resource methods declare it.
 *
 * @param path the path template, as Jersey's {@code @Path} values make it (for example {@code
 *     {version: v1\.0|beta}/users/{user}/removeAllDevicesFromManagement})
 * @param parameterNames the names of its parameters, in path order
 * @param methods the HTTP methods served on it
 * @param boundOperation the Graph action or function its last segment names, when it is one
 */
public record RouteTemplate(
    String path, List<String> parameterNames, Set<String> methods, Optional<String> boundOperation) {

  /** Checks and copies every part. */
  public RouteTemplate {
    Objects.requireNonNull(path, "path");
    parameterNames = List.copyOf(parameterNames);
    methods = Set.copyOf(methods);
    Objects.requireNonNull(boundOperation, "boundOperation");
  }
}
