package org.devicemanagement.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.devicemanagement.adapters.rest.json.GraphJson;

/**
 * Graph's error body: {@code {"error":{"code","message","innerError":{date, request-id,
 * client-request-id}}}}.
 */
public record ErrorEnvelope(@JsonProperty("error") Body error) {

  private static final ObjectMapper MAPPER = GraphJson.mapper();

  /** The error itself. */
  @JsonPropertyOrder({"code", "message", "innerError"})
  public record Body(
      @JsonProperty("code") String code,
      @JsonProperty("message") String message,
      @JsonProperty("innerError") InnerError innerError) {}

  /** Where and when the error happened, for support. */
  @JsonPropertyOrder({"date", "request-id", "client-request-id"})
  public record InnerError(
      @JsonProperty("date") String date,
      @JsonProperty("request-id") String requestId,
      @JsonProperty("client-request-id") String clientRequestId) {}

  /** The envelope of {@code error} for the request {@code requestId} answered at {@code now}. */
  public static ErrorEnvelope of(
      GraphError error, Instant now, String requestId, String clientRequestId) {
    return new ErrorEnvelope(
        new Body(
            error.code(),
            error.messageFor(requestId),
            new InnerError(
                GraphJson.dateTime(now.truncatedTo(ChronoUnit.SECONDS)),
                requestId,
                clientRequestId)));
  }

  /** The envelope as UTF-8 JSON. */
  public byte[] toJson() {
    try {
      return MAPPER.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
