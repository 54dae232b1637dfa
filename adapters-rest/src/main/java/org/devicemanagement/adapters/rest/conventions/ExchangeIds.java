package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * A request's ids as Jersey carries them: assigned once, when routing starts, kept as request
 * properties, and read by the resources (for the audit line) and the response filter.
 */
public final class ExchangeIds {

  private static final String REQUEST_ID_PROPERTY = ExchangeIds.class.getName() + ".requestId";
  private static final String CLIENT_REQUEST_ID_PROPERTY =
      ExchangeIds.class.getName() + ".clientRequestId";

  private ExchangeIds() {}

  /** Gives {@code request} its ids, once. */
  public static void assign(ContainerRequestContext request) {
    if (request.getProperty(REQUEST_ID_PROPERTY) != null) {
      return;
    }
    String requestId = RequestIds.newRequestId();
    request.setProperty(REQUEST_ID_PROPERTY, requestId);
    request.setProperty(
        CLIENT_REQUEST_ID_PROPERTY,
        RequestIds.clientRequestId(
            request.getHeaderString(RequestIds.CLIENT_REQUEST_ID), requestId));
  }

  /** This server's id of {@code request}. */
  public static String requestId(ContainerRequestContext request) {
    assign(request);
    return String.valueOf(request.getProperty(REQUEST_ID_PROPERTY));
  }

  /**
   * The client's id of {@code request}, or the request id when the client sent none fit to echo.
   */
  public static String clientRequestId(ContainerRequestContext request) {
    assign(request);
    return String.valueOf(request.getProperty(CLIENT_REQUEST_ID_PROPERTY));
  }
}
