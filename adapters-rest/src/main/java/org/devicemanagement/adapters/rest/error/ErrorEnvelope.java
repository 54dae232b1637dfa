package org.devicemanagement.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph's error body: {@code {"error":{"code","message","innerError":{date, request-id,
 * client-request-id}}}}.
 */
public record ErrorEnvelope(@JsonProperty("error") Body error) {

  private static final ObjectMapper MAPPER = JsonConventions.mapper();
  private static final Logger LOG = LoggerFactory.getLogger(ErrorEnvelope.class);

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
      ApiError error, Instant now, String requestId, String clientRequestId) {
    return new ErrorEnvelope(
        new Body(
            error.code(),
            error.messageFor(requestId),
            new InnerError(
                JsonConventions.dateTime(now.truncatedTo(ChronoUnit.SECONDS)),
                requestId,
                clientRequestId)));
  }

  /**
   * The JSON body answering {@code error} to {@code method path} at {@code now}, logging the cause
   * with the request id when the failure was unexpected.
   */
  public static byte[] render(
      ApiError error,
      String method,
      String path,
      Instant now,
      String requestId,
      String clientRequestId) {
    Throwable unexpected = error.unexpected();
    if (unexpected != null) {
      LOG.error(
          "Unexpected failure answering {} {}; request-id {}", method, path, requestId, unexpected);
    }
    return of(error, now, requestId, clientRequestId).toJson();
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
