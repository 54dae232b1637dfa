package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.devicemanagement.adapters.rest.conventions.ContentLength;
import org.devicemanagement.adapters.rest.conventions.HeaderValues;
import org.devicemanagement.application.failure.InvalidRequestException;

/**
 * Checks that an action that takes no body got none (or only {@code {}}), reading a bounded prefix.
 */
final class RequestBodies {

  /**
   * The most bytes ever read from a body that should be empty; anything longer is refused unread.
   */
  static final int MAX_INSPECTED_BYTES = ContentLength.MAX_BODY_BYTES;

  private RequestBodies() {}

  /**
   * Fails with a 400 unless the body is empty, whitespace, or {@code {}} with optional whitespace.
   */
  static void requireNone(ContainerRequestContext request, String action) {
    String contentLength = HeaderValues.of(request, HttpHeaders.CONTENT_LENGTH);
    if (ContentLength.declared(contentLength) > MAX_INSPECTED_BYTES) {
      throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    if (!ContentLength.hasBody(
        contentLength, HeaderValues.of(request, ContentLength.TRANSFER_ENCODING))) {
      return;
    }
    byte[] prefix;
    try (InputStream body = request.getEntityStream()) {
      prefix = body.readNBytes(MAX_INSPECTED_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read.");
    }
    if (prefix.length > MAX_INSPECTED_BYTES) {
      // A chunked body is cut off at the limit rather than read whole.
      throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    if (!isEmptyObjectOrBlank(prefix)) {
      throw new InvalidRequestException(
          "The action %s does not take a request body.".formatted(action));
    }
  }

  static boolean isEmptyObjectOrBlank(byte[] body) {
    StringBuilder compact = new StringBuilder(2);
    int start = startsWithByteOrderMark(body) ? 3 : 0;
    for (int i = start; i < body.length; i++) {
      byte b = body[i];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        continue;
      }
      if (compact.length() == 2) {
        return false;
      }
      compact.append((char) (b & 0xff));
    }
    return compact.length() == 0 || compact.toString().equals("{}");
  }

  private static boolean startsWithByteOrderMark(byte[] body) {
    return body.length >= 3
        && (body[0] & 0xff) == 0xef
        && (body[1] & 0xff) == 0xbb
        && (body[2] & 0xff) == 0xbf;
  }
}
