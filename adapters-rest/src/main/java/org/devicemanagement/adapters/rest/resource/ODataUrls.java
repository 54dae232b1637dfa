package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** The OData URLs a response names: its {@code @odata.context} and {@code @odata.nextLink}. */
final class ODataUrls {

  private static final Set<String> CANONICAL_OPTIONS =
      Set.of("$top", "$filter", "$orderby", "$select", "$count");

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
   * This request's URL on this server with {@code skipToken} as its {@code $skiptoken}: every other
   * query option is kept as the request wrote it, so the next page has the same filter, order,
   * selection and size.
   */
  static String nextLink(UriInfo uri, String skipToken) {
    StringBuilder link = new StringBuilder(uri.getAbsolutePath().toString()).append('?');
    String query = uri.getRequestUri().getRawQuery();
    if (query != null) {
      for (String option : query.split("&", -1)) {
        String[] nameAndValue = option.split("=", 2);
        String name = decoded(nameAndValue[0]).toLowerCase(Locale.ROOT);
        if (option.isEmpty() || name.equals("$skiptoken")) {
          continue;
        }
        // Graph writes the system query options it knows by their canonical names.
        link.append(CANONICAL_OPTIONS.contains(name) ? name : nameAndValue[0]);
        if (nameAndValue.length == 2) {
          link.append('=').append(nameAndValue[1]);
        }
        link.append('&');
      }
    }
    return link.append("$skiptoken=")
        .append(URLEncoder.encode(skipToken, StandardCharsets.UTF_8))
        .toString();
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
