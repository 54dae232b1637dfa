package org.devicemanagement.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.glassfish.jersey.model.Parameter.Source;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;
import org.jspecify.annotations.Nullable;

/**
 * Hands resource methods their {@code @Context ContainerRequestContext} and {@code @Context
 * UriInfo} straight from the request being served, rather than through Jersey's general injection
 * lookup, which is a measurable share of every request's cost.
 */
public final class RequestContextParameters implements ValueParamProvider {

  @Override
  public @Nullable Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
    if (parameter.getSource() != Source.CONTEXT) {
      return null;
    }
    Class<?> type = parameter.getRawType();
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
    // Ahead of Jersey's own provider for @Context parameters, which would answer the same.
    return Priority.HIGH;
  }
}
