package org.devicemanagement.adapters.rest.batch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.uri.UriComponent;

/**
 * The URL of a request inside a batch: relative to the version, with or without its leading slash,
 * written as a client writes it in JSON (raw spaces and quotes included, as in {@code
 * $filter=userPrincipalName eq 'x'}).
 */
final class InnerUrls {

  private static final String HEX = "0123456789ABCDEF";
  // RFC 3986's unreserved and sub-delims characters, with ':', '@', '/' and '?': the characters a
  // path or query may hold as they are.
  private static final String KEPT = "-._~!$&'()*+,;=:@/?";

  private InnerUrls() {}

  /** The path of {@code url}: what comes before its query and fragment. */
  static String pathOf(String url) {
    String withoutFragment = withoutFragment(url);
    int query = withoutFragment.indexOf('?');
    return query < 0 ? withoutFragment : withoutFragment.substring(0, query);
  }

  /** {@code segment} percent-decoded, or as it is when it is not well encoded. */
  static String decode(String segment) {
    try {
      return UriComponent.decode(segment, UriComponent.Type.PATH_SEGMENT);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }

  /**
   * The request URI of {@code url} under {@code base} and {@code version}: {@code
   * base/version/url}, the fragment dropped, every character a URI may not hold percent-encoded (as
   * UTF-8) and the {@code %XX} escapes already there kept.
   */
  static URI resolve(URI base, String version, String url) {
    String relative = withoutFragment(url);
    if (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    return URI.create(base + version + "/" + encode(relative));
  }

  private static String withoutFragment(String url) {
    int fragment = url.indexOf('#');
    return fragment < 0 ? url : url.substring(0, fragment);
  }

  private static String encode(String text) {
    StringBuilder encoded = new StringBuilder(text.length() + 16);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean escape =
          b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (escape || isKept(b)) {
        encoded.append((char) b);
      } else {
        encoded.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xf));
      }
    }
    return encoded.toString();
  }

  private static boolean isKept(int b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || KEPT.indexOf(b) >= 0;
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }
}
