package org.devicemanagement.adapters.rest.conventions;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The address a request came from, as the audit trail's {@code ipAddress} records it: the remote
 * address of the connection Jetty accepted, kept as a request property before anything else runs.
 * Headers such as {@code X-Forwarded-For} are not read, since any client can send them. A request
 * inside a {@code $batch} has the address of the batch ({@link #copy}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ClientAddress implements ContainerRequestFilter {

  private static final String PROPERTY = ClientAddress.class.getName();

  @Context private @Nullable Provider<Request> jettyRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) != null || jettyRequest == null) {
      return;
    }
    Request connection;
    try {
      connection = jettyRequest.get();
    } catch (RuntimeException notOnJetty) {
      // A request Jersey was handed directly (a batch's inner request) has no connection.
      return;
    }
    if (connection != null) {
      String address = Request.getRemoteAddr(connection);
      if (address != null && !address.isEmpty()) {
        request.setProperty(PROPERTY, address);
      }
    }
  }

  /** The address {@code request} came from, when known. */
  public static Optional<String> of(ContainerRequestContext request) {
    return request.getProperty(PROPERTY) instanceof String address
        ? Optional.of(address)
        : Optional.empty();
  }

  /** Gives {@code inner} (a request inside a batch) the address of {@code outer}, when known. */
  public static void copy(Optional<String> outerAddress, ContainerRequestContext inner) {
    outerAddress.ifPresent(address -> inner.setProperty(PROPERTY, address));
  }
}
