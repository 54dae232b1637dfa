package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The address a request came from, as the audit trail's {@code ipAddress} records it: the remote
 * address of the connection Jetty accepted. Headers such as {@code X-Forwarded-For} are not read,
 * since any client can send them. A request inside a {@code $batch} has the address of the batch
 * ({@link #copy}).
 *
 * <p>Jersey's Jetty container serves a request on the thread Jetty hands it to, so the handler
 * {@link #around} wraps Jersey's with notes the connection for that thread, and the address is read
 * only when a request asks for it (a retire-all): no filter, and no per-request injection proxy, on
 * the way of every other request.
 */
public final class ClientAddress {

  private static final String PROPERTY = ClientAddress.class.getName();
  private static final ThreadLocal<@Nullable Request> SERVING = new ThreadLocal<>();

  private ClientAddress() {}

  /** Jersey's Jetty handler {@code jersey}, with each request's connection known while served. */
  public static Handler around(Handler jersey) {
    return new Handler.Wrapper(jersey) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        SERVING.set(request);
        try {
          return super.handle(request, response, callback);
        } finally {
          // Emptied rather than removed: Jetty's threads serve request after request, and removing
          // made every next request allocate the thread's entry again.
          SERVING.set(null);
        }
      }
    };
  }

  /** The address {@code request} came from, when known. */
  public static Optional<String> of(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) instanceof String address) {
      return Optional.of(address);
    }
    @Nullable Request connection = SERVING.get();
    if (connection == null) {
      return Optional.empty();
    }
    String address = Request.getRemoteAddr(connection);
    return address == null || address.isEmpty() ? Optional.empty() : Optional.of(address);
  }

  /** Gives {@code inner} (a request inside a batch) the address of {@code outer}, when known. */
  public static void copy(Optional<String> outerAddress, ContainerRequestContext inner) {
    outerAddress.ifPresent(address -> inner.setProperty(PROPERTY, address));
  }
}
