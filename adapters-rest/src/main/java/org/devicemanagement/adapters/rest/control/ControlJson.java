package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.TreeSet;
import org.devicemanagement.adapters.rest.conventions.ContentLength;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionType;

/** The control API's JSON: request bodies read within the size limit, and answers written. */
final class ControlJson {

  static final ObjectMapper MAPPER =
      JsonConventions.mapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ControlJson() {}

  /** A new empty object. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"value": [...]}}, as Graph lists collections. */
  static ObjectNode collection(ArrayNode value) {
    ObjectNode root = object();
    root.set("value", value);
    return root;
  }

  /** A new empty array. */
  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** {@code status} with {@code body} as JSON. */
  static Response answer(int status, JsonNode body) {
    try {
      return Response.status(status)
          .entity(MAPPER.writeValueAsBytes(body))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a control answer could not be written", e);
    }
  }

  /**
   * The request's body, at most {@link ContentLength#MAX_BODY_BYTES}.
   *
   * @throws InvalidRequestException (400) if it is empty or cannot be read
   */
  static byte[] readBytes(ContainerRequestContext request) {
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(ContentLength.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read.");
    }
    if (body.length > ContentLength.MAX_BODY_BYTES) {
      // A chunked body is cut off at the limit rather than read whole.
      throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    if (body.length == 0) {
      throw new InvalidRequestException("The request needs a JSON object as its body.");
    }
    return body;
  }

  /**
   * The request's body as a JSON object.
   *
   * @throws InvalidRequestException (400) if it is empty, not JSON, or not an object
   */
  static ObjectNode readObject(ContainerRequestContext request) {
    byte[] body = readBytes(request);
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (IOException e) {
      // Jackson's message quotes the input and names its own classes: neither is shown.
      throw new InvalidRequestException("The request body is not valid JSON.");
    }
    if (tree instanceof ObjectNode object) {
      return object;
    }
    throw new InvalidRequestException("The request body must be a JSON object.");
  }

  /** An instant with milliseconds, for example {@code 2026-01-01T08:00:00.123Z}. */
  static String dateTime(long epochMillis) {
    return JsonConventions.dateTime(Instant.ofEpochMilli(epochMillis));
  }

  /** {@code entry} as the journal lists it. */
  static ObjectNode entry(JournalEntry entry) {
    ObjectNode node = object();
    node.put("time", dateTime(entry.startedAtMillis()));
    node.put("method", entry.method());
    node.put("path", entry.rawPath());
    // Jackson writes a null string as JSON null: a request without a query says "query": null.
    node.put("query", entry.rawQuery());
    node.put("status", entry.status());
    node.put("requestId", entry.requestId());
    node.put("clientRequestId", entry.clientRequestId());
    node.put("durationMs", BigDecimal.valueOf(entry.durationNanos(), 6).stripTrailingZeros());
    Caller caller = entry.caller();
    if (caller == null) {
      node.putNull("caller");
    } else {
      node.set("caller", caller(caller));
    }
    return node;
  }

  /** The caller as its token named it: never the token itself. */
  private static ObjectNode caller(Caller caller) {
    ObjectNode node = object();
    node.put("type", type(caller.permissionType()));
    node.put("tenantId", caller.tenantId());
    caller.userPrincipalName().ifPresent(upn -> node.put("upn", upn));
    caller.objectId().ifPresent(oid -> node.put("oid", oid));
    caller.appId().ifPresent(appId -> node.put("appid", appId));
    ArrayNode permissions =
        node.putArray(caller.permissionType().isDelegated() ? "scopes" : "roles");
    new TreeSet<>(caller.permissions()).forEach(permissions::add);
    return node;
  }

  private static String type(PermissionType type) {
    return switch (type) {
      case DELEGATED_WORK_OR_SCHOOL -> "delegatedWorkOrSchool";
      case DELEGATED_PERSONAL -> "delegatedPersonal";
      case APPLICATION -> "application";
    };
  }
}
