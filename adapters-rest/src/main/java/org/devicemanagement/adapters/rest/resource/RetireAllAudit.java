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
    int changed = outcome.changedCount();
    AUDIT.info(
        "{}: caller oid={} upn={} appid={} tid={} target user={} devices changed={} unchanged={}"
            + " request-id={}",
        action,
        caller.objectId().orElse("-"),
        caller.userPrincipalName().orElse("-"),
        caller.appId().orElse("-"),
        caller.tenantId(),
        outcome.userId(),
        changed,
        outcome.transitions().size() - changed,
        requestId);
  }
}
