package org.devicemanagement.adapters.rest.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One route of the API as its resource methods declare it.
 *
 * @param path the path template, as Jersey's {@code @Path} values make it (for example {@code
 *     {version: v1\.0|beta}/users/{user}/removeAllDevicesFromManagement})
 * @param parameterNames the names of its parameters, in path order
 * @param methods the HTTP methods served on it
 * @param boundOperation the Graph action or function its last segment names, when it is one
 * @param control whether it is a route of the emulator's control API ({@link ControlRoute})
 */
public record RouteTemplate(
    String path,
    List<String> parameterNames,
    Set<String> methods,
    Optional<String> boundOperation,
    boolean control) {

  /** Checks and copies every part. */
  public RouteTemplate {
    Objects.requireNonNull(path, "path");
    parameterNames = List.copyOf(parameterNames);
    methods = Set.copyOf(methods);
    Objects.requireNonNull(boundOperation, "boundOperation");
  }

  /** A route of the Graph API (not of the control API). */
  public RouteTemplate(
      String path,
      List<String> parameterNames,
      Set<String> methods,
      Optional<String> boundOperation) {
    this(path, parameterNames, methods, boundOperation, false);
  }

  /**
   * Whether a request with {@code method} is served here: a declared method, {@code OPTIONS}, and
   * {@code HEAD} where {@code GET} is declared (Jersey answers both itself).
   */
  public boolean allows(String method) {
    return methods.contains(method)
        || method.equals("OPTIONS")
        || (method.equals("HEAD") && methods.contains("GET"));
  }

  /**
   * The {@code Allow} header of a 405 here, as Jersey writes it: the declared methods in
   * alphabetical order, then {@code HEAD} where {@code GET} is declared, then {@code OPTIONS}.
   */
  public String allowHeader() {
    List<String> allowed = new ArrayList<>(new TreeSet<>(methods));
    if (methods.contains("GET")) {
      allowed.add("HEAD");
    }
    allowed.add("OPTIONS");
    return String.join(",", allowed);
  }
}
