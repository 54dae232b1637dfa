package org.devicemanagement.adapters.rest.resource;

import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.RetireAllResult;
import org.devicemanagement.domain.RetireAllOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit line every served retire-all leaves, written from the audit event the trail recorded:
 * its actor, its correlation id (the request id) and its id, beside the outcome's counts.
 */
final class RetireAllAuditLine {

  // The resource's logger name, which operators route and filter by.
  private static final Logger AUDIT =
      LoggerFactory.getLogger(RemoveAllDevicesFromManagementResource.class);

  private RetireAllAuditLine() {}

  /**
   * Records that {@code caller} (whose tenant the event does not hold) retired the devices of
   * {@code result} with the action {@code action}.
   */
  static void record(String action, Caller caller, RetireAllResult result) {
    if (!AUDIT.isInfoEnabled()) {
      return;
    }
    // The event's parts are read from the audit it was built from, as they are: the event itself
    // (its list of changed devices) is not rebuilt for one line per retire-all.
    AuditActor actor = result.audit().actor();
    RetireAllOutcome outcome = result.outcome();
    int changed = outcome.changedCount();
    // Built here rather than by the logger's {} substitution: one line per retire-all, and the
    // substitution's argument array and parsing were a measurable share of its cost.
    String line =
        action
            + ": caller oid="
            + actor.userId().orElse("-")
            + " upn="
            + actor.userPrincipalName().orElse("-")
            + " appid="
            + actor.applicationId().orElse("-")
            + " tid="
            + caller.tenantId()
            + " target user="
            + outcome.userId()
            + " devices changed="
            + changed
            + " unchanged="
            + (outcome.transitions().size() - changed)
            + " request-id="
            + result.audit().correlationId()
            + " audit-event="
            + result.audit().eventId();
    AUDIT.info(line);
  }
}
