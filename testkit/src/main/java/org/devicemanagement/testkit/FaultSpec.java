package org.devicemanagement.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fault to set on the emulator: which Graph requests it matches and how it answers them, in the
 * control API's terms ({@code POST /_emulator/faults}).
 *
 * <pre>{@code
 * graph.faults().add(FaultSpec.on("POST", "/v1.0/me/removeAllDevicesFromManagement")
 *     .status(429).retryAfter(Duration.ofSeconds(2)).times(3));
 * }</pre>
 */
public final class FaultSpec {

  private final @Nullable String method;
  private final String path;
  private int status = 503;
  private @Nullable String code;
  private @Nullable String message;
  private @Nullable Duration retryAfter;
  private Duration delay = Duration.ZERO;
  private @Nullable Integer times;
  private @Nullable Double probability;

  private FaultSpec(@Nullable String method, String path) {
    this.method = method;
    this.path = Objects.requireNonNull(path, "path");
  }

  /**
   * Requests with {@code method} whose path (version included) matches {@code pathGlob}: {@code *}
   * one segment, {@code **} any number, other segments ignoring case.
   */
  public static FaultSpec on(String method, String pathGlob) {
    return new FaultSpec(Objects.requireNonNull(method, "method"), pathGlob);
  }

  /** Requests of any method whose path matches {@code pathGlob}. */
  public static FaultSpec onAnyMethod(String pathGlob) {
    return new FaultSpec(null, pathGlob);
  }

  /** The status to answer (400-599); 503 unless set. */
  public FaultSpec status(int value) {
    status = value;
    return this;
  }

  /** Graph's error code in the answer (Graph's code for the status unless set). */
  public FaultSpec code(String value) {
    code = Objects.requireNonNull(value, "code");
    return this;
  }

  /** The error message in the answer. */
  public FaultSpec message(String value) {
    message = Objects.requireNonNull(value, "message");
    return this;
  }

  /** The {@code Retry-After} the answer carries. */
  public FaultSpec retryAfter(Duration value) {
    retryAfter = Objects.requireNonNull(value, "retryAfter");
    return this;
  }

  /** How long to wait before answering. */
  public FaultSpec delay(Duration value) {
    delay = Objects.requireNonNull(value, "delay");
    return this;
  }

  /** Answer this many matching requests, then go away. */
  public FaultSpec times(int value) {
    times = value;
    return this;
  }

  /** Answer each matching request with this chance (0 to 1) until removed. */
  public FaultSpec probability(double value) {
    probability = value;
    return this;
  }

  ObjectNode toJson() {
    ObjectNode fault = JsonNodeFactory.instance.objectNode();
    ObjectNode match = fault.putObject("match");
    if (method != null) {
      match.put("method", method);
    }
    match.put("path", path);
    ObjectNode respond = fault.putObject("respond");
    respond.put("status", status);
    if (code != null) {
      respond.put("code", code);
    }
    if (message != null) {
      respond.put("message", message);
    }
    if (retryAfter != null) {
      respond.put("retryAfter", retryAfter.toMillis() / 1000.0);
    }
    respond.put("delayMs", delay.toMillis());
    if (times != null) {
      fault.put("times", times);
    }
    if (probability != null) {
      fault.put("probability", probability);
    }
    return fault;
  }
}
