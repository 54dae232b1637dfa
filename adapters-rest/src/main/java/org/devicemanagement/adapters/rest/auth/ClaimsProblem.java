package org.devicemanagement.adapters.rest.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Says what is wrong with a token payload the JWT library refused as claims: not JSON, not an
 * object, a duplicate claim, or a registered claim of the wrong type.
 */
final class ClaimsProblem {

  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> DATE_CLAIMS = List.of("exp", "nbf", "iat");
  private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "jti");

  private ClaimsProblem() {}

  /** The refusal of a token whose claims, {@code payload}, the library could not read. */
  static InvalidAccessTokenException refusal(String payload, Throwable cause) {
    return new InvalidAccessTokenException(reason(payload), cause);
  }

  /**
   * Why {@code payload} is not a claims set, as a reason safe to show (claim names are bounded).
   */
  static String reason(String payload) {
    String syntax = syntaxProblem(payload);
    if (syntax != null) {
      return syntax;
    }
    Map<String, Object> claims;
    try {
      claims = JSONObjectUtils.parse(payload);
    } catch (ParseException e) {
      return "the token's claims are not valid JSON";
    }
    for (String name : DATE_CLAIMS) {
      Object value = claims.get(name);
      if (value != null && !(value instanceof Number)) {
        return "the %s claim is not a number".formatted(name);
      }
    }
    for (String name : STRING_CLAIMS) {
      Object value = claims.get(name);
      if (value != null && !(value instanceof String)) {
        return "the %s claim is not a string".formatted(name);
      }
    }
    Object audience = claims.get("aud");
    if (audience != null && !(audience instanceof String) && !isStringList(audience)) {
      return "the aud claim is not a string or an array of strings";
    }
    return "the token's claims are malformed";
  }

  /** What keeps {@code payload} from being one JSON object with distinct names, or null. */
  private static @Nullable String syntaxProblem(String payload) {
    try (JsonParser parser = JSON.createParser(payload)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "the token's claims are not a JSON object";
      }
      Set<String> names = new HashSet<>();
      int depth = 1;
      for (JsonToken token = parser.nextToken(); depth > 0; token = parser.nextToken()) {
        if (token == null) {
          return "the token's claims are not valid JSON";
        }
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            // Only the claims themselves: the library keeps the last of duplicates inside a claim.
            if (depth == 1 && !names.add(parser.currentName())) {
              return "the token's claims are not valid JSON: duplicate claim '%s'"
                  .formatted(JwtAccessTokenVerifier.shown(parser.currentName()));
            }
          }
          default -> {}
        }
      }
      if (parser.nextToken() != null) {
        return "the token's claims are not valid JSON: there is more after the claims object";
      }
      return null;
    } catch (IOException e) {
      return "the token's claims are not valid JSON";
    }
  }

  private static boolean isStringList(Object value) {
    return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
  }
}
