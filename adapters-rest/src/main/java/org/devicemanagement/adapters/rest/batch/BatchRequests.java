package org.devicemanagement.adapters.rest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks a JSON batch ({@code {"requests":[{"id","method","url","headers"?,"body"?,
 * "dependsOn"?}]}}) as a whole before any of its requests runs: anything wrong with its shape is an
 * {@link InvalidRequestException}, answered as the batch's own 400.
 */
final class BatchRequests {

  /** The most requests one batch may hold, as in Graph. */
  static final int MAX_REQUESTS = 20;

  /** The methods an inner request may use. */
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private static final ObjectMapper MAPPER = JsonConventions.mapper();
  private static final int MAX_SHOWN_LENGTH = 200;
  private static final Pattern ABSOLUTE =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final String BATCH_SEGMENT = "$batch";

  private BatchRequests() {}

  /**
   * The requests of the batch {@code body}, in its order.
   *
   * @throws InvalidRequestException if the body is not a well-formed batch
   */
  static List<BatchStep> parse(byte[] body) {
    JsonNode root = readTree(body);
    if (root == null || root.isMissingNode()) {
      throw invalid("The batch request body is empty; expected {\"requests\": [...]}.");
    }
    if (!root.isObject()) {
      throw invalid("The batch request body must be a JSON object with a \"requests\" array.");
    }
    JsonNode requests = root.get("requests");
    if (requests == null || requests.isNull()) {
      throw invalid("The batch request body has no \"requests\" array.");
    }
    if (!requests.isArray()) {
      throw invalid("The batch's \"requests\" must be an array.");
    }
    if (requests.isEmpty()) {
      throw invalid("The batch contains no request.");
    }
    if (requests.size() > MAX_REQUESTS) {
      throw invalid(
          "Number of requests inside batch exceeds the limit of %d.".formatted(MAX_REQUESTS));
    }
    List<BatchStep> steps = new ArrayList<>(requests.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      BatchStep step = step(requests.get(i), i + 1);
      if (!ids.add(key(step.id()))) {
        throw invalid("Request Id %s has to be unique in a batch.".formatted(shown(step.id())));
      }
      steps.add(step);
    }
    checkDependencies(steps);
    return steps;
  }

  /** The id {@code id} as batches compare them: ignoring case. */
  static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code contentType} names JSON ({@code application/json}, {@code ...+json}). */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static @Nullable JsonNode readTree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw invalid("The batch request body is not valid JSON.");
    }
  }

  private static BatchStep step(JsonNode request, int position) {
    if (!request.isObject()) {
      throw invalid("Request #%d of the batch is not a JSON object.".formatted(position));
    }
    String id = requiredText(request, "id", "Request #%d of the batch".formatted(position));
    String name = "Request '%s'".formatted(shown(id));
    String method = requiredText(request, "method", name).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw invalid(
          "%s has the method '%s'; a request in a batch uses GET, POST, PUT, PATCH or DELETE."
              .formatted(name, shown(method)));
    }
    String url = requiredText(request, "url", name);
    checkUrl(url, name);
    Map<String, String> headers = headers(request.get("headers"), name);
    JsonNode body = request.get("body");
    if (body != null && body.isNull()) {
      body = null;
    }
    if (body != null) {
      checkBody(body, headers, name);
    }
    return new BatchStep(id, method, url, headers, body, dependsOn(request.get("dependsOn"), name));
  }

  private static String requiredText(JsonNode request, String field, String name) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull()) {
      throw invalid("%s has no %s.".formatted(name, field));
    }
    if (!value.isTextual()) {
      throw invalid("The %s of %s must be a string.".formatted(field, lowerFirst(name)));
    }
    if (value.asText().isBlank()) {
      throw invalid("%s has an empty %s.".formatted(name, field));
    }
    return value.asText();
  }

  private static void checkUrl(String url, String name) {
    if (ABSOLUTE.matcher(url).matches() || url.startsWith("//")) {
      throw invalid(
          "The url of %s must be relative to the version, such as /users/{id}; '%s' is absolute."
              .formatted(lowerFirst(name), shown(url)));
    }
    String path = InnerUrls.pathOf(url);
    for (String segment : path.split("/", -1)) {
      if (InnerUrls.decode(segment).strip().equalsIgnoreCase(BATCH_SEGMENT)) {
        throw invalid("%s is a batch request; a batch cannot contain another.".formatted(name));
      }
    }
  }

  private static Map<String, String> headers(@Nullable JsonNode headers, String name) {
    Map<String, String> result = new LinkedHashMap<>();
    if (headers == null || headers.isNull()) {
      return result;
    }
    if (!headers.isObject()) {
      throw invalid(
          "The headers of %s must be a JSON object of strings.".formatted(lowerFirst(name)));
    }
    for (Map.Entry<String, JsonNode> header : headers.properties()) {
      String headerName = header.getKey();
      JsonNode value = header.getValue();
      if (!value.isTextual()) {
        throw invalid(
            "The header '%s' of %s must be a string."
                .formatted(shown(headerName), lowerFirst(name)));
      }
      if (!TOKEN.matcher(headerName).matches() || !isFieldValue(value.asText())) {
        throw invalid(
            "The header '%s' of %s is not a valid HTTP header."
                .formatted(shown(headerName), lowerFirst(name)));
      }
      // Header names ignore case; a client may spell one twice (the Graph SDK sends both
      // content-type and Content-Type): one header, the last value, the first spelling.
      String existing = null;
      for (String spelled : result.keySet()) {
        if (spelled.equalsIgnoreCase(headerName)) {
          existing = spelled;
        }
      }
      result.put(existing == null ? headerName : existing, value.asText());
    }
    return result;
  }

  private static boolean isFieldValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static void checkBody(JsonNode body, Map<String, String> headers, String name) {
    String contentType = null;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = header.getValue();
      }
    }
    if (contentType == null || contentType.isBlank()) {
      throw invalid(
          "%s has a body but no Content-Type header; a body needs one in its \"headers\"."
              .formatted(name));
    }
    if (!isJson(contentType) && body.isTextual() && !isBase64(body.asText())) {
      throw invalid(
          "The body of %s must be base64 text, since its Content-Type is not JSON."
              .formatted(lowerFirst(name)));
    }
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> dependsOn(@Nullable JsonNode dependsOn, String name) {
    List<String> ids = new ArrayList<>();
    if (dependsOn == null || dependsOn.isNull()) {
      return ids;
    }
    if (!dependsOn.isArray()) {
      throw invalid(
          "The dependsOn of %s must be an array of request ids.".formatted(lowerFirst(name)));
    }
    for (JsonNode id : dependsOn) {
      if (!id.isTextual()) {
        throw invalid(
            "The dependsOn of %s must be an array of request ids.".formatted(lowerFirst(name)));
      }
      ids.add(id.asText());
    }
    return ids;
  }

  private static void checkDependencies(List<BatchStep> steps) {
    Map<String, BatchStep> byKey = new HashMap<>();
    steps.forEach(step -> byKey.put(key(step.id()), step));
    for (BatchStep step : steps) {
      for (String dependency : step.dependsOn()) {
        if (!byKey.containsKey(key(dependency))) {
          throw invalid(
              "Request '%s' depends on '%s', which is not in the batch."
                  .formatted(shown(step.id()), shown(dependency)));
        }
      }
    }
    // Depth-first: a request met again while its own dependencies are being visited is a cycle.
    Set<String> done = new HashSet<>();
    for (BatchStep step : steps) {
      visit(step, byKey, new HashSet<>(), done);
    }
  }

  private static void visit(
      BatchStep step, Map<String, BatchStep> byKey, Set<String> visiting, Set<String> done) {
    String key = key(step.id());
    if (done.contains(key)) {
      return;
    }
    if (!visiting.add(key)) {
      throw invalid(
          "The dependsOn of request '%s' leads back to it; dependencies must not form a cycle."
              .formatted(shown(step.id())));
    }
    for (String dependency : step.dependsOn()) {
      BatchStep next = byKey.get(key(dependency));
      if (next != null) {
        visit(next, byKey, visiting, done);
      }
    }
    visiting.remove(key);
    done.add(key);
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String shown(String text) {
    return text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "...";
  }

  private static InvalidRequestException invalid(String message) {
    return new InvalidRequestException(message);
  }
}
