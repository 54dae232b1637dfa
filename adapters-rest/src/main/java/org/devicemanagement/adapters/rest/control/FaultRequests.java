package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.rest.conventions.RequestIds;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a fault from the body of {@code POST /_emulator/faults}, checking every property: an
 * unknown property, a wrong type or a value out of range is a 400 naming the property.
 */
final class FaultRequests {

  /** The longest delay a fault may ask for. */
  static final long MAX_DELAY_MILLIS = 60_000;

  /** The longest {@code Retry-After} a fault may ask for, in seconds (one day). */
  static final BigDecimal MAX_RETRY_AFTER = BigDecimal.valueOf(86_400);

  static final int MAX_CODE_LENGTH = 100;
  static final int MAX_MESSAGE_LENGTH = 1_000;

  private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,20}");

  private FaultRequests() {}

  /** The fault {@code body} describes, with a fresh id. */
  static Fault parse(ObjectNode body) {
    allowOnly(body, "", Set.of("match", "respond", "times", "probability"));
    ObjectNode match = optionalObject(body, "match");
    Optional<String> method = Optional.empty();
    PathGlob path = PathGlob.parse("/**");
    if (match != null) {
      allowOnly(match, "match.", Set.of("method", "path"));
      method = optionalText(match, "match.method", "method");
      if (method.isPresent() && !METHOD.matcher(method.get()).matches()) {
        throw new InvalidRequestException("match.method must be an HTTP method such as POST.");
      }
      Optional<String> glob = optionalText(match, "match.path", "path");
      if (glob.isPresent()) {
        path = PathGlob.parse(glob.get());
      }
    }
    ObjectNode respond = optionalObject(body, "respond");
    if (respond == null) {
      throw new InvalidRequestException("respond is required: {\"status\": 400 to 599, ...}.");
    }
    allowOnly(respond, "respond.", Set.of("status", "code", "message", "retryAfter", "delayMs"));
    JsonNode statusNode = respond.get("status");
    if (statusNode == null
        || !statusNode.canConvertToInt()
        || !statusNode.isIntegralNumber()
        || statusNode.intValue() < 400
        || statusNode.intValue() > 599) {
      throw new InvalidRequestException("respond.status must be a whole number from 400 to 599.");
    }
    int status = statusNode.intValue();
    String id = RequestIds.newRequestId();
    String code =
        bounded(optionalText(respond, "respond.code", "code"), "respond.code", MAX_CODE_LENGTH)
            .orElse(defaultCode(status));
    String message =
        bounded(
                optionalText(respond, "respond.message", "message"),
                "respond.message",
                MAX_MESSAGE_LENGTH)
            .orElse("Fault %s, set through the emulator's control API.".formatted(id));
    Optional<BigDecimal> retryAfter = Optional.empty();
    JsonNode retryAfterNode = respond.get("retryAfter");
    if (retryAfterNode != null && !retryAfterNode.isNull()) {
      @Nullable BigDecimal seconds =
          retryAfterNode.isNumber() ? retryAfterNode.decimalValue() : null;
      if (seconds == null
          || seconds.signum() < 0
          || seconds.compareTo(MAX_RETRY_AFTER) > 0
          || seconds.scale() > 3) {
        throw new InvalidRequestException(
            "respond.retryAfter must be a number of seconds from 0 to 86400, to the millisecond.");
      }
      retryAfter = Optional.of(seconds.stripTrailingZeros().max(BigDecimal.ZERO));
    }
    long delayMillis = 0;
    JsonNode delayNode = respond.get("delayMs");
    if (delayNode != null && !delayNode.isNull()) {
      if (!delayNode.isIntegralNumber()
          || !delayNode.canConvertToLong()
          || delayNode.longValue() < 0
          || delayNode.longValue() > MAX_DELAY_MILLIS) {
        throw new InvalidRequestException(
            "respond.delayMs must be a whole number from 0 to %d.".formatted(MAX_DELAY_MILLIS));
      }
      delayMillis = delayNode.longValue();
    }
    OptionalInt times = OptionalInt.empty();
    JsonNode timesNode = body.get("times");
    if (timesNode != null && !timesNode.isNull()) {
      if (!timesNode.isIntegralNumber()
          || !timesNode.canConvertToInt()
          || timesNode.intValue() < 1) {
        throw new InvalidRequestException(
            "times must be a whole number from 1 to %d.".formatted(Integer.MAX_VALUE));
      }
      times = OptionalInt.of(timesNode.intValue());
    }
    OptionalDouble probability = OptionalDouble.empty();
    JsonNode probabilityNode = body.get("probability");
    if (probabilityNode != null && !probabilityNode.isNull()) {
      double p = probabilityNode.isNumber() ? probabilityNode.doubleValue() : Double.NaN;
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidRequestException("probability must be a number from 0 to 1.");
      }
      probability = OptionalDouble.of(p);
    }
    if (times.isPresent() && probability.isPresent()) {
      throw new InvalidRequestException(
          "Give times or probability, not both (neither: every matching request until removed).");
    }
    return new Fault(
        id, method, path, status, code, message, retryAfter, delayMillis, times, probability);
  }

  /** Graph's code for {@code status}, where a fault names none. */
  static String defaultCode(int status) {
    return switch (status) {
      case 401 -> "InvalidAuthenticationToken";
      case 403 -> "Forbidden";
      case 404 -> "ResourceNotFound";
      case 409 -> "Conflict";
      case 412 -> "PreconditionFailed";
      case 429 -> "TooManyRequests";
      case 500 -> "generalException";
      case 502 -> "BadGateway";
      case 503 -> "ServiceUnavailable";
      case 504 -> "GatewayTimeout";
      default -> status < 500 ? "BadRequest" : "ServiceUnavailable";
    };
  }

  private static void allowOnly(ObjectNode node, String prefix, Set<String> names) {
    for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
      String field = fields.next();
      if (!names.contains(field)) {
        String shown = field.length() <= 50 ? field : field.substring(0, 50) + "...";
        throw new InvalidRequestException(
            "Unknown property '%s%s'; expected one of %s."
                .formatted(prefix, shown, names.stream().sorted().map(n -> prefix + n).toList()));
      }
    }
  }

  private static @Nullable ObjectNode optionalObject(ObjectNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value instanceof ObjectNode object) {
      return object;
    }
    throw new InvalidRequestException("%s must be a JSON object.".formatted(name));
  }

  private static Optional<String> optionalText(ObjectNode node, String shownName, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidRequestException("%s must be a non-blank string.".formatted(shownName));
    }
    return Optional.of(value.asText());
  }

  private static Optional<String> bounded(Optional<String> text, String name, int max) {
    if (text.isPresent() && text.get().length() > max) {
      throw new InvalidRequestException(
          "%s must be at most %d characters long.".formatted(name, max));
    }
    return text;
  }
}
