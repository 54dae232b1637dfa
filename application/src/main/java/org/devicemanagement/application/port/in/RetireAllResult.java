package org.devicemanagement.application.port.in;

import java.util.Objects;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.domain.RetireAllOutcome;

/**
 * A served retire-all: each device of the user before and after, and the audit of the call, from
 * which {@link #event()} rebuilds the very event the trail recorded (same id, same content).
 */
public record RetireAllResult(RetireAllOutcome outcome, RetireAllAudit audit) {

  /** Checks that both parts are present. */
  public RetireAllResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(audit, "audit");
  }

  /**
   * The recorded event; built on demand, since most callers (the audit log line) need only its
   * actor and correlation id, which {@link #audit()} holds as they are.
   */
  public AuditEvent event() {
    return audit.eventFor(outcome);
  }
}
