package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * A request's ids as Jersey carries them: assigned once, when routing starts, kept together as one
 * request property, and read by the resources (for the audit line) and the response filter.
 */
public final class ExchangeIds {

  private static final String PROPERTY = ExchangeIds.class.getName();

  private ExchangeIds() {}

  /** Gives {@code request} its ids, once. */
  public static void assign(ContainerRequestContext request) {
    ids(request);
  }

  /** This server's id of {@code request}. */
  public static String requestId(ContainerRequestContext request) {
    return ids(request).requestId();
  }

  /**
   * The client's id of {@code request}, or the request id when the client sent none fit to echo.
   */
  public static String clientRequestId(ContainerRequestContext request) {
    return ids(request).clientRequestId();
  }

  private static Ids ids(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) instanceof Ids ids) {
      return ids;
    }
    String requestId = RequestIds.newRequestId();
    Ids ids =
        new Ids(
            requestId,
            RequestIds.clientRequestId(
                HeaderValues.of(request, RequestIds.CLIENT_REQUEST_ID), requestId));
    request.setProperty(PROPERTY, ids);
    return ids;
  }

  /** Both ids of one request. */
  private record Ids(String requestId, String clientRequestId) {}
}
