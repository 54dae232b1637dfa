package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import java.util.function.Function;
import org.devicemanagement.adapters.rest.auth.BearerAuthentication;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.jspecify.annotations.Nullable;

/**
 * Hands resource methods their {@code @Context} parameters straight from the request being served:
 * the resolved {@link Route}, the authenticated {@link Caller}, the request and its {@link
 * UriInfo}. It replaces Jersey's general injection lookup, a measurable share of every request's
 * cost, and gives resources what routing and authentication already worked out.
 */
public final class RequestParameters implements ValueParamProvider {

  @Override
  public @Nullable Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    if (parameter.getSource() != Source.CONTEXT) {
      return null;
    }
    Class<?> type = parameter.getRawType();
    if (type == Route.class) {
      return request ->
          Objects.requireNonNull(AdmissionFilter.routeOf(request), "the request was not routed");
    }
    if (type == Caller.class) {
      return BearerAuthentication::caller;
    }
    if (type == ContainerRequestContext.class) {
      return request -> request;
    }
    if (type == UriInfo.class) {
      return ContainerRequest::getUriInfo;
    }
    return null;
  }

  @Override
  public PriorityType getPriority() {
    // Ahead of Jersey's own provider for @Context parameters.
    return Priority.HIGH;
  }
}
