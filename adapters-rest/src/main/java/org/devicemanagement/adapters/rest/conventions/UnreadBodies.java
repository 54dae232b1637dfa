package org.devicemanagement.adapters.rest.conventions;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;

/**
 * Settles the body of a request answered with an error before it was read (a 401 for a POST with a
 * body, a 404, a 405...): a small body is read and dropped, so the connection stays usable for the
 * client's next request; one that cannot be (over the limit, awaited with {@code Expect:
 * 100-continue}, unreadable) gets {@code Connection: close} on the answer. Left alone, the HTTP
 * server found the body unread after the answer was already on its way and closed the connection
 * without saying so, and a client reusing it saw its next request fail.
 */
final class UnreadBodies {

  private static final String EXPECT = "Expect";
  private static final String CONNECTION = "Connection";

  private UnreadBodies() {}

  /** Reads and drops the rest of {@code request}'s body when {@code response} is an error. */
  static void settle(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return;
    }
    String contentLength = HeaderValues.of(request, HttpHeaders.CONTENT_LENGTH);
    if (!ContentLength.hasBody(
        contentLength, HeaderValues.of(request, ContentLength.TRANSFER_ENCODING))) {
      return;
    }
    long declared = ContentLength.declared(contentLength);
    if (declared > ContentLength.MAX_BODY_BYTES || HeaderValues.of(request, EXPECT) != null) {
      // Too much to wait for, or a client that sends nothing until told to: close instead.
      closeAfter(response);
      return;
    }
    try {
      InputStream body = request.getEntityStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        total += read;
        if (total > ContentLength.MAX_BODY_BYTES) {
          closeAfter(response);
          return;
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // A stream already closed by whoever read it, or a client gone: the connection ends here.
      closeAfter(response);
    }
  }

  private static void closeAfter(ContainerResponseContext response) {
    response.getHeaders().putSingle(CONNECTION, "close");
  }
}
