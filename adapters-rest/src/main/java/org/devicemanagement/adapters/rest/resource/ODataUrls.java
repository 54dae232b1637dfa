package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The OData URLs a response names: its {@code @odata.context} and {@code @odata.nextLink}. */
final class ODataUrls {

  private ODataUrls() {}

  /** {@code <base>/<version>/$metadata#<fragment>}, on this server. */
  static String context(UriInfo uri, String version, String fragment) {
    return uri.getBaseUri() + version + "/$metadata#" + fragment;
  }

  /**
   * An OData key literal ({@code 'a''b'}) fit for a URL: quotes doubled, the rest percent-encoded.
   */
  static String keyLiteral(String key) {
    String escaped = key.replace("'", "''");
    StringBuilder encoded = new StringBuilder(escaped.length() + 2).append('\'');
    for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c < 0x80 && Character.isLetterOrDigit(c)) || "-._~'".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.append('\'').toString();
  }

  /**
   * This request's path on this server with {@code $top} and {@code $skiptoken} as the next page.
   */
  static String nextLink(UriInfo uri, int top, String skipToken) {
    return uri.getAbsolutePath()
        + "?$top="
        + top
        + "&$skiptoken="
        + URLEncoder.encode(skipToken, StandardCharsets.UTF_8);
  }
}
