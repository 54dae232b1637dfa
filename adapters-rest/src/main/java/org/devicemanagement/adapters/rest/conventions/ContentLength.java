package org.devicemanagement.adapters.rest.conventions;

import org.jspecify.annotations.Nullable;

/**
 * How large a request body may be, what a {@code Content-Length} header declares, and whether a
 * request carries a body at all.
 */
public final class ContentLength {

  /**
   * The largest request body any route accepts (none takes one; {@code {}} is tolerated): a
   * declared length above it is refused with 413 before anything is read, and a chunked body is
   * read to at most this much.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The header that announces a chunked body (JAX-RS names no constant for it). */
  public static final String TRANSFER_ENCODING = "Transfer-Encoding";

  private ContentLength() {}

  /**
   * Whether a request with these {@code Content-Length} and {@code Transfer-Encoding} values (null
   * when absent) carries a body: a transfer coding says so whatever the length, otherwise only a
   * length above zero does; a request with neither has none (RFC 9112, 6.3).
   */
  public static boolean hasBody(@Nullable String contentLength, @Nullable String transferEncoding) {
    return transferEncoding != null || declared(contentLength) > 0;
  }

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
