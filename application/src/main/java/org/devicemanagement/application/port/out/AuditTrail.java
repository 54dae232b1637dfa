package org.devicemanagement.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;

/**
 * The tenant's audit trail: every audited activity, kept in the order of the activity's instant and
 * readable as Graph serves {@code deviceManagement/auditEvents}.
 */
public interface AuditTrail {

  /**
   * Records {@code event}, on its own (a refused call, or a gateway's record of what Graph did).
   *
   * @throws IllegalArgumentException if an event with its id (compared ignoring case) is recorded
   */
  void record(AuditEvent event);

  /** The event with id {@code id} (compared ignoring case). */
  Optional<AuditEvent> findEventById(String id);

  /**
   * One page of at most {@code pageSize} of the events that match {@code query}, in its order,
   * continuing after {@code skipToken} (a token an earlier page of the same query gave) when
   * present.
   *
   * @throws org.devicemanagement.application.failure.InvalidRequestException if the skip token is
   *     not one this trail gave for the query's order
   */
  AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken);

  /**
   * How many devices successful retire-alls changed in {@code [from, until)}: the count the daily
   * retire limit is kept against, so it survives a restart wherever the trail does.
   */
  int devicesRetiredBetween(Instant from, Instant until);
}
