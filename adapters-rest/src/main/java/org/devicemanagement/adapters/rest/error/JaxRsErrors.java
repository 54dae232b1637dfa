package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An {@link ErrorResponse} as the JAX-RS response Jersey sends; the response filter then writes its
 * {@link ApiError} as Graph's envelope with the request's ids.
 */
public final class JaxRsErrors {

  private JaxRsErrors() {}

  /** The JAX-RS response answering {@code error}. */
  public static Response response(ErrorResponse error) {
    Response.ResponseBuilder builder =
        Response.status(error.status()).entity(error.error()).type(MediaType.APPLICATION_JSON_TYPE);
    for (Map.Entry<String, String> header : error.headers().entrySet()) {
      builder.header(header.getKey(), header.getValue());
    }
    return builder.build();
  }
}
