package org.devicemanagement.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.devicemanagement.adapters.rest.error.GraphError;
import org.devicemanagement.adapters.rest.error.WebApplicationExceptionMapper;

/**
 * Runs before routing: gives the request its ids, answers paths this API does not serve with
 * Graph's 400 and an {@code Accept} that excludes JSON with 406, and rewrites known segments to
 * Graph's spelling so that routing ignores their case.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class GraphRequestFilter implements ContainerRequestFilter {

  /**
   * The largest request body any route accepts (none takes one; {@code {}} is tolerated): a
   * declared length above it is refused with 413 before anything is read, and the action reads at
   * most this much of a chunked body.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    RequestIds.assign(request);
    if (declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)) > MAX_BODY_BYTES) {
      // Refused before authentication and routing, so a huge body is never waited for.
      request.abortWith(
          GraphError.of("RequestEntityTooLarge", WebApplicationExceptionMapper.TOO_LARGE_MESSAGE)
              .toResponse(413)
              .build());
      return;
    }
    UriInfo uri = request.getUriInfo();
    String rawPath = uri.getPath(false);
    GraphPaths.Resolution resolution = GraphPaths.resolve(rawPath);
    if (resolution instanceof GraphPaths.NoRoute noRoute) {
      request.abortWith(GraphError.of("BadRequest", noRoute.message()).toResponse(400).build());
      return;
    }
    if (!AcceptHeader.admitsJson(request.getHeaderString(HttpHeaders.ACCEPT))) {
      request.abortWith(
          GraphError.of("NotAcceptable", WebApplicationExceptionMapper.NOT_ACCEPTABLE_MESSAGE)
              .toResponse(406)
              .build());
      return;
    }
    String canonical = ((GraphPaths.Route) resolution).rawPath();
    if (!canonical.equals(rawPath)) {
      URI base = uri.getBaseUri();
      String query = uri.getRequestUri().getRawQuery();
      request.setRequestUri(
          base, URI.create(base + canonical + (query == null ? "" : "?" + query)));
    }
  }

  /**
   * The body length a {@code Content-Length} value declares, or -1 when there is none or it is
   * unreadable (Jetty refuses a malformed one before any handler sees it).
   */
  public static long declaredLength(@Nullable String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
