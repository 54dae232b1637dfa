package org.devicemanagement.application.failure;

import java.util.Objects;

/**
 * The root of the product's failures, a closed family: each has a {@link FailureKind} (its stable
 * UPPER_SNAKE code) and carries its data as fields, never an HTTP status.
 */
public abstract sealed class DeviceManagementException extends RuntimeException
    permits UserNotFoundException,
        ManagedDeviceNotFoundException,
        AuditEventNotFoundException,
        PermissionTypeNotSupportedException,
        MissingPermissionException,
        DelegatedCallerRequiredException,
        InvalidRequestException,
        BackendRejectedTokenException,
        BackendForbiddenException,
        BackendUnavailableException,
        RequestThrottledException,
        DailyRetireLimitExceededException {

  private static final long serialVersionUID = 1L;

  private final FailureKind kind;

  /** A failure of {@code kind} with a message fit to show the caller. */
  DeviceManagementException(FailureKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** A failure of {@code kind} caused by {@code cause}, whose message is not shown to callers. */
  DeviceManagementException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What kind of failure this is. */
  public FailureKind kind() {
    return kind;
  }

  /** The stable code of this kind of failure: the kind's name, such as {@code USER_NOT_FOUND}. */
  public String code() {
    return kind.name();
  }
}
