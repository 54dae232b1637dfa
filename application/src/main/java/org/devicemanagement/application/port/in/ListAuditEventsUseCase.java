package org.devicemanagement.application.port.in;

import org.devicemanagement.application.audit.AuditPage;

/** Lists the tenant's audit trail (Graph's {@code GET deviceManagement/auditEvents}). */
public interface ListAuditEventsUseCase {

  /**
   * Checks the caller's permission and reads one page of the events that match the query, in its
   * order.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the skip token is
   *     not one a page of this query gave
   */
  AuditPage listAuditEvents(ListAuditEventsQuery query);
}
