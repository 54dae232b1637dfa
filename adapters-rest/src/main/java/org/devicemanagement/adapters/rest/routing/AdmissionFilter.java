package org.devicemanagement.adapters.rest.routing;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.BearerAuthentication;
import org.devicemanagement.adapters.rest.conventions.ContentLength;
import org.devicemanagement.adapters.rest.conventions.ExchangeHooks;
import org.devicemanagement.adapters.rest.conventions.ExchangeIds;
import org.devicemanagement.adapters.rest.conventions.HeaderValues;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.error.ProtocolErrors;
import org.jspecify.annotations.Nullable;

/**
 * Admits a request before Jersey's matching, in Graph's order: gives it its ids, refuses a declared
 * body over the limit (413), resolves the path once against the {@link RouteTable} (400 for a path
 * that names nothing), refuses an {@code Accept} that excludes JSON on a Graph route (406) and a
 * method the route does not serve (405, with {@code Allow}), then authenticates the caller by its
 * bearer token (401; control routes take no token), all in one stage, calling the {@link
 * ExchangeHooks} first and once the request is admitted. The resolved {@link Route} stays on the
 * request, its path rewritten to Graph's spelling so that Jersey's matching ignores the case of
 * segments.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdmissionFilter implements ContainerRequestFilter {

  private static final String ROUTE_PROPERTY = Route.class.getName();

  private final RouteTable routes;
  private final BearerAuthentication authentication;
  private final ExchangeHooks hooks;

  /**
   * A filter resolving paths against {@code routes} and authenticating with {@code authentication},
   * calling {@code hooks} as a request arrives and once it is admitted.
   */
  public AdmissionFilter(
      RouteTable routes, BearerAuthentication authentication, ExchangeHooks hooks) {
    this.routes = Objects.requireNonNull(routes, "routes");
    this.authentication = Objects.requireNonNull(authentication, "authentication");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    hooks.arrived(request);
    ExchangeIds.assign(request);
    if (ContentLength.declared(HeaderValues.of(request, HttpHeaders.CONTENT_LENGTH))
        > ContentLength.MAX_BODY_BYTES) {
      // Refused before anything else, so a huge body is never waited for.
      request.abortWith(JaxRsErrors.response(ProtocolErrors.tooLarge()));
      return;
    }
    UriInfo uri = request.getUriInfo();
    String rawPath = uri.getPath(false);
    Resolution resolution = routes.resolve(rawPath);
    if (resolution instanceof NoRoute noRoute) {
      request.abortWith(JaxRsErrors.response(ProtocolErrors.noRoute(noRoute.message())));
      return;
    }
    Route route = (Route) resolution;
    // The control API's console page is HTML, CSS and script, and its JSON routes declare their
    // type, for Jersey to refuse another; every Graph route writes JSON only.
    if (!route.template().control()
        && !AcceptHeader.admitsJson(HeaderValues.of(request, HttpHeaders.ACCEPT))) {
      request.abortWith(JaxRsErrors.response(ProtocolErrors.notAcceptable()));
      return;
    }
    String method = request.getMethod();
    if (!route.template().allows(method)) {
      request.abortWith(
          JaxRsErrors.response(ProtocolErrors.methodNotAllowed(route.template().allowHeader())));
      return;
    }
    request.setProperty(ROUTE_PROPERTY, route);
    String canonical = route.canonicalPath();
    if (!canonical.equals(rawPath)) {
      URI base = uri.getBaseUri();
      String query = uri.getRequestUri().getRawQuery();
      request.setRequestUri(
          base, URI.create(base + canonical + (query == null ? "" : "?" + query)));
    }
    // OPTIONS reveals only the methods, which Jersey answers; it needs no token. Nor does the
    // control API, which is on only where the operator chose (by default, on loopback).
    if (!HttpMethod.OPTIONS.equals(method) && !route.template().control()) {
      authentication.authenticate(request, HeaderValues.of(request, HttpHeaders.AUTHORIZATION));
    }
    hooks.admitted(request);
  }

  /** The route this filter resolved for {@code request}, or null if it has not run. */
  public static @Nullable Route routeOf(ContainerRequestContext request) {
    return request.getProperty(ROUTE_PROPERTY) instanceof Route route ? route : null;
  }
}
