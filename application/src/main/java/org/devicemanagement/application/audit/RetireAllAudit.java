package org.devicemanagement.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.domain.RetireAllOutcome;

/**
 * What a store needs to record a retire-all in the audit trail in the same atomic step as the
 * retire: the event's id, who called, from where, in which request and for which user; the devices
 * changed come from the outcome.
 *
 * @param eventId the id the recorded event takes
 * @param actor who called
 * @param correlationId the request's {@code request-id}
 * @param target the user as the caller named it (an id, a userPrincipalName or {@code me})
 */
public record RetireAllAudit(
    String eventId, AuditActor actor, String correlationId, String target) {

  // Shared by every served retire-all's event rather than copied into each (a trail keeps many).
  private static final String ACTIVITY = "Retire all devices of a user";

  /** Checks that every part is present. */
  public RetireAllAudit {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(target, "target");
  }

  /** The event of the retire-all that ended as {@code outcome}: one resource per changed device. */
  public AuditEvent eventFor(RetireAllOutcome outcome) {
    return event(outcome.at(), AuditEvents.SUCCESS, "", AuditEvents.changedDevices(outcome));
  }

  /**
   * The event of the retire-all refused at {@code at} with the failure {@code code} (such as {@code
   * MISSING_PERMISSION}): no device changed.
   */
  public AuditEvent refused(Instant at, String code) {
    Objects.requireNonNull(code, "code");
    return event(at, AuditEvents.FAILURE, " (" + code + ")", List.of());
  }

  private AuditEvent event(
      Instant at, String result, String detail, List<AuditResource> resources) {
    return new AuditEvent(
        eventId,
        "removeAllDevicesFromManagement " + target,
        AuditEvents.COMPONENT_NAME,
        actor,
        detail.isEmpty() ? ACTIVITY : ACTIVITY + detail,
        at,
        AuditEvents.RETIRE_ALL_ACTIVITY_TYPE,
        AuditEvents.ACTION,
        result,
        correlationId,
        resources,
        AuditEvents.CATEGORY);
  }

  /** An audit for {@code target} with a fresh event id. */
  public static RetireAllAudit of(AuditActor actor, String correlationId, String target) {
    return new RetireAllAudit(AuditEvents.newId(), actor, correlationId, target);
  }
}
