package org.devicemanagement.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the emulator answered, as its journal holds it: never the token, only what the token
 * named.
 */
public record RecordedRequest(
    Instant time,
    String method,
    String path,
    Optional<String> query,
    int status,
    String requestId,
    String clientRequestId,
    double durationMs,
    Optional<String> callerUserPrincipalName,
    Optional<String> callerObjectId,
    Optional<String> callerAppId,
    List<String> callerPermissions) {

  /** Checks every part is present. */
  public RecordedRequest {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(clientRequestId, "clientRequestId");
    Objects.requireNonNull(callerUserPrincipalName, "callerUserPrincipalName");
    Objects.requireNonNull(callerObjectId, "callerObjectId");
    Objects.requireNonNull(callerAppId, "callerAppId");
    callerPermissions = List.copyOf(callerPermissions);
  }

  static RecordedRequest of(JsonNode entry) {
    JsonNode caller = entry.path("caller");
    List<String> permissions = new ArrayList<>();
    caller.path("scopes").forEach(p -> permissions.add(p.asText()));
    caller.path("roles").forEach(p -> permissions.add(p.asText()));
    return new RecordedRequest(
        Instant.parse(entry.path("time").asText()),
        entry.path("method").asText(),
        entry.path("path").asText(),
        text(entry, "query"),
        entry.path("status").asInt(),
        entry.path("requestId").asText(),
        entry.path("clientRequestId").asText(),
        entry.path("durationMs").asDouble(),
        text(caller, "upn"),
        text(caller, "oid"),
        text(caller, "appid"),
        permissions);
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode value = node.path(name);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
