package org.devicemanagement.adapters.rest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request of a JSON batch, checked by {@link BatchRequests}.
 *
 * @param id the request's id, unique in its batch ignoring case
 * @param method its HTTP method, upper case: GET, POST, PUT, PATCH or DELETE
 * @param url its URL relative to the version, as the batch wrote it (at most one leading slash)
 * @param headers its own headers, in the batch's order
 * @param body its body as the batch wrote it (JSON, or base64 text for a non-JSON Content-Type)
 * @param dependsOn the ids of the requests that must succeed before it runs, as written
 */
record BatchStep(
    String id,
    String method,
    String url,
    Map<String, String> headers,
    @Nullable JsonNode body,
    List<String> dependsOn) {

  /** Checks every part and keeps the headers' order. */
  BatchStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    dependsOn = List.copyOf(dependsOn);
  }

  /** The value of the header {@code name} (ignoring case), or null. */
  @Nullable String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
