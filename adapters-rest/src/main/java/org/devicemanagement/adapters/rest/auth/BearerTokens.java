package org.devicemanagement.adapters.rest.auth;

import org.jspecify.annotations.Nullable;

/** Reads the token of an {@code Authorization: Bearer} header; free of JAX-RS types. */
public final class BearerTokens {

  private static final String BEARER = "bearer";

  private BearerTokens() {}

  /**
   * The token of an {@code Authorization} header of scheme {@code Bearer} (in any case).
   *
   * @throws MissingAccessTokenException if the header is absent, of another scheme or empty
   */
  public static String fromAuthorization(@Nullable String authorization) {
    if (authorization == null) {
      throw new MissingAccessTokenException();
    }
    String value = authorization.strip();
    int space = indexOfWhitespace(value);
    int schemeLength = space < 0 ? value.length() : space;
    if (schemeLength != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, schemeLength)) {
      throw new MissingAccessTokenException();
    }
    String token = space < 0 ? "" : value.substring(space + 1).strip();
    if (token.isEmpty()) {
      throw new MissingAccessTokenException();
    }
    return token;
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
