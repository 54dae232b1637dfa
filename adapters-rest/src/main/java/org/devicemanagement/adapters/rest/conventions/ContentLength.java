package org.devicemanagement.adapters.rest.conventions;

import org.jspecify.annotations.Nullable;

/** How large a request body may be, and what a {@code Content-Length} header declares. */
public final class ContentLength {

  /**
   * The largest request body any route accepts (none takes one; {@code {}} is tolerated): a
   * declared length above it is refused with 413 before anything is read, and a chunked body is
   * read to at most this much.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private ContentLength() {}

  /**
   * The body length a {@code Content-Length} value declares, or -1 when there is none or it is
   * unreadable (the HTTP server refuses a malformed one before any handler sees it).
   */
  public static long declared(@Nullable String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      return Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
