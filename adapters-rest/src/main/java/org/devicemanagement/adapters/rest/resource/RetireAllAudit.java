package org.devicemanagement.adapters.rest.resource;

import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.domain.RetireAllOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit line every served retire-all leaves. */
final class RetireAllAudit {

  // The resource's logger name, which operators route and filter by.
  private static final Logger AUDIT =
      LoggerFactory.getLogger(RemoveAllDevicesFromManagementResource.class);

  private RetireAllAudit() {}

  /**
   * Records that {@code caller} retired {@code outcome}'s devices with the action {@code action} in
   * request {@code requestId}.
   */
  static void record(String action, Caller caller, RetireAllOutcome outcome, String requestId) {
    if (!AUDIT.isInfoEnabled()) {
      return;
    }
    int changed = outcome.changedCount();
    // Built here rather than by the logger's {} substitution: one line per retire-all, and the
    // substitution's argument array and parsing were a measurable share of its cost.
    String line =
        action
            + ": caller oid="
            + caller.objectId().orElse("-")
            + " upn="
            + caller.userPrincipalName().orElse("-")
            + " appid="
            + caller.appId().orElse("-")
            + " tid="
            + caller.tenantId()
            + " target user="
            + outcome.userId()
            + " devices changed="
            + changed
            + " unchanged="
            + (outcome.transitions().size() - changed)
            + " request-id="
            + requestId;
    AUDIT.info(line);
  }
}
