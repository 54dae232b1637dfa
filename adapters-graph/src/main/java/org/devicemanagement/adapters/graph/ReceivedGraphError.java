package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a Graph error body says: {@code {"error":{"code","message","innerError":{"request-id"}}}},
 * with Intune's JSON-inside-{@code message} unwrapped and the scopes it names picked out.
 *
 * @param code Graph's error code ("" when absent)
 * @param message the innermost human message ("" when absent)
 * @param requestId the {@code innerError.request-id} ("" when absent)
 * @param requiredScopes the permission scopes the message says would be accepted, in order
 */
record ReceivedGraphError(
    String code, String message, String requestId, List<String> requiredScopes) {

  static final ReceivedGraphError NONE = new ReceivedGraphError("", "", "", List.of());

  // Intune nests its own error document (sometimes twice) in the message; never follow it for ever.
  private static final int MAX_NESTING = 4;
  private static final int MAX_MESSAGE_LENGTH = 2000;

  // "...must have one of the following scopes: A, B - Operation ID..." (Intune) and
  // "...missing permission scope A,B." (other Graph workloads).
  private static final Pattern SCOPE_LIST =
      Pattern.compile(
          "(?:following scopes?|missing permission scopes?|required scopes?)\\s*:?\\s*(.*?)(?:\\s+-\\s|$)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SCOPE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+");

  ReceivedGraphError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(requestId, "requestId");
    requiredScopes = List.copyOf(requiredScopes);
  }

  /**
   * Reads an error body; anything that is not Graph's envelope gives {@link #NONE}, never a
   * failure.
   */
  static ReceivedGraphError parse(String body, ObjectMapper json) {
    JsonNode error;
    try {
      error = json.readTree(body).path("error");
    } catch (JacksonException e) {
      return NONE;
    }
    if (!error.isObject()) {
      return NONE;
    }
    String code = text(error.path("code"));
    String message = text(error.path("message"));
    String requestId = text(error.path("innerError").path("request-id"));
    if (requestId.isEmpty()) {
      requestId = text(error.path("innererror").path("request-id"));
    }
    for (int depth = 0; depth < MAX_NESTING; depth++) {
      JsonNode nested = nestedDocument(message, json);
      if (nested == null) {
        break;
      }
      String nestedCode = text(first(nested, "ErrorCode", "errorCode", "code"));
      if (!nestedCode.isEmpty() && (code.isEmpty() || code.equals("UnknownError"))) {
        code = nestedCode;
      }
      message = text(first(nested, "Message", "message"));
    }
    return new ReceivedGraphError(code, shorten(message), requestId, scopesIn(message));
  }

  /** The scopes {@code message} names as acceptable, without duplicates, in order. */
  static List<String> scopesIn(String message) {
    Set<String> scopes = new LinkedHashSet<>();
    Matcher list = SCOPE_LIST.matcher(message);
    while (list.find()) {
      Matcher scope = SCOPE.matcher(list.group(1));
      while (scope.find()) {
        scopes.add(scope.group());
      }
    }
    return new ArrayList<>(scopes);
  }

  private static @Nullable JsonNode nestedDocument(String message, ObjectMapper json) {
    String trimmed = message.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = json.readTree(trimmed);
      return node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static JsonNode first(JsonNode node, String... names) {
    for (String name : names) {
      if (node.has(name)) {
        return node.path(name);
      }
    }
    return node.path(names[0]);
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : "";
  }

  private static String shorten(String message) {
    String oneLine = message.replaceAll("[\\r\\n]+", " ").strip();
    return oneLine.length() <= MAX_MESSAGE_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }
}
