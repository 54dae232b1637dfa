package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.permission.Caller;

/** The caller asks for the audit event {@code eventId}. */
public record GetAuditEventQuery(Caller caller, String eventId) {

  /** Checks that both parts are present. */
  public GetAuditEventQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(eventId, "eventId");
  }
}
