package org.devicemanagement.adapters.rest.conventions;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.rest.error.ApiError;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;

/**
 * Puts {@code request-id} and {@code client-request-id} on every response and completes every
 * {@link ApiError} into Graph's JSON envelope, logging unexpected failures with the request id;
 * answers OPTIONS with 204 and the {@code Allow} header only; settles a body an error left unread
 * ({@link UnreadBodies}); then hands the answer to the {@link ExchangeHooks}.
 */
@Priority(Priorities.USER)
public final class ResponseConventionsFilter implements ContainerResponseFilter {

  private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

  private final Clock clock;
  private final ExchangeHooks hooks;

  /** A filter dating errors by {@code clock}, handing each complete answer to {@code hooks}. */
  public ResponseConventionsFilter(Clock clock, ExchangeHooks hooks) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hooks = Objects.requireNonNull(hooks, "hooks");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    complete(request, response);
    UnreadBodies.settle(request, response);
    hooks.answered(request, response);
  }

  private void complete(ContainerRequestContext request, ContainerResponseContext response) {
    String requestId = ExchangeIds.requestId(request);
    String clientRequestId = ExchangeIds.clientRequestId(request);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(RequestIds.REQUEST_ID, requestId);
    headers.putSingle(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
    if (response.getStatus() == 200 && HttpMethod.OPTIONS.equals(request.getMethod())) {
      // Jersey lists the methods as a text/plain body; the Allow header says it all.
      response.setEntity(null);
      headers.remove(HttpHeaders.CONTENT_TYPE);
      response.setStatus(204);
      return;
    }
    if (response.getEntity() instanceof ApiError error) {
      byte[] body =
          ErrorEnvelope.render(
              error,
              request.getMethod(),
              request.getUriInfo().getPath(false),
              clock.instant(),
              requestId,
              clientRequestId);
      response.setEntity(body, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
