package org.devicemanagement.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;
import org.devicemanagement.adapters.rest.error.GraphError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code request-id} and {@code client-request-id} on every response and completes every
 * {@link GraphError} into Graph's JSON envelope, logging unexpected failures with the request id;
 * answers OPTIONS with 204 and the {@code Allow} header only.
 */
@Priority(Priorities.USER)
public final class GraphResponseFilter implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(GraphResponseFilter.class);
  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  private final Clock clock;

  /** A filter dating errors by {@code clock}. */
  public GraphResponseFilter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String requestId = RequestIds.requestId(request);
    String clientRequestId = RequestIds.clientRequestId(request);
    response.getHeaders().putSingle(RequestIds.REQUEST_ID, requestId);
    response.getHeaders().putSingle(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
    if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
      // Jersey lists the methods as a text/plain body; the Allow header says it all.
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
      response.setStatus(204);
      return;
    }
    if (response.getEntity() instanceof GraphError error) {
      byte[] body =
          envelope(
              error,
              request.getMethod(),
              request.getUriInfo().getPath(false),
              clock.instant(),
              requestId,
              clientRequestId);
      response.setEntity(body, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
    }
  }

  /**
   * The JSON body answering {@code error} to {@code method path} at {@code now}, logging the
   * cause with the request id when the failure was unexpected.
   */
  public static byte[] envelope(
      GraphError error,
      String method,
      String path,
      Instant now,
      String requestId,
      String clientRequestId) {
    Throwable unexpected = error.unexpected();
    if (unexpected != null) {
      LOG.error(
          "Unexpected failure answering {} {}; request-id {}", method, path, requestId, unexpected);
    }
    return ErrorEnvelope.of(error, now, requestId, clientRequestId).toJson();
  }
}
