package org.devicemanagement.application.port.in;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.devicemanagement.application.permission.Caller;

/**
 * The caller asks to retire all devices of {@code user}, in the request {@code requestId} (the
 * audit event's {@code correlationId}) sent from {@code ipAddress} when known.
 */
public record RemoveAllDevicesFromManagementCommand(
    Caller caller, UserReference user, String requestId, Optional<String> ipAddress) {

  /** Checks that every part is present. */
  public RemoveAllDevicesFromManagementCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(requestId, "requestId");
    if (requestId.isBlank()) {
      throw new IllegalArgumentException("requestId must not be blank");
    }
    Objects.requireNonNull(ipAddress, "ipAddress");
  }

  /** A call made as a library call, outside any HTTP request: a fresh request id, no address. */
  public RemoveAllDevicesFromManagementCommand(Caller caller, UserReference user) {
    this(caller, user, UUID.randomUUID().toString(), Optional.empty());
  }
}
