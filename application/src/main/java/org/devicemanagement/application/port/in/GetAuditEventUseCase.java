package org.devicemanagement.application.port.in;

import org.devicemanagement.application.audit.AuditEvent;

/** Reads one event of the tenant's audit trail (Graph's {@code GET auditEvents/{id}}). */
public interface GetAuditEventUseCase {

  /**
   * Checks the caller's permission and finds the event.
   *
   * @throws org.devicemanagement.application.failure.AuditEventNotFoundException if there is none
   */
  AuditEvent getAuditEvent(GetAuditEventQuery query);
}
