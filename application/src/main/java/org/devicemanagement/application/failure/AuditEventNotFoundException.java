package org.devicemanagement.application.failure;

/** No audit event has the requested id. */
public final class AuditEventNotFoundException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String eventId;

  /** The audit event {@code eventId} was not found. */
  public AuditEventNotFoundException(String eventId) {
    super(FailureKind.AUDIT_EVENT_NOT_FOUND, "Audit event '%s' does not exist.".formatted(eventId));
    this.eventId = eventId;
  }

  /** The id the caller gave. */
  public String eventId() {
    return eventId;
  }
}
