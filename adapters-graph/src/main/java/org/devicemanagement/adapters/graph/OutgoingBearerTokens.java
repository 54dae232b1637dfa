package org.devicemanagement.adapters.graph;

import java.util.regex.Pattern;

/** Checks tokens before they go into a header, without ever echoing them. */
final class OutgoingBearerTokens {

  // RFC 6750 b64token; rejecting anything else keeps CR/LF and spaces out of the header.
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private OutgoingBearerTokens() {}

  static String check(String token) {
    if (!B64TOKEN.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "the access token is not a well-formed bearer token (RFC 6750, %d characters)"
              .formatted(token.length()));
    }
    return token;
  }
}
