package org.devicemanagement.adapters.rest.auth;

import java.util.Locale;
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
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals(BEARER)) {
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
