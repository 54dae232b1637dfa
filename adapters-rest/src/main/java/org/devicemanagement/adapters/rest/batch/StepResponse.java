package org.devicemanagement.adapters.rest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one request of a batch, as the batch's response lists it.
 *
 * @param id the request's id
 * @param status its HTTP status
 * @param headers its headers, one string per name
 * @param body its body: JSON when it answered JSON, base64 text otherwise, null when empty
 */
record StepResponse(String id, int status, Map<String, String> headers, @Nullable JsonNode body) {

  /** Checks every part and keeps the headers' order. */
  StepResponse {
    Objects.requireNonNull(id, "id");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Whether the request succeeded (2xx), so that requests depending on it may run. */
  boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
