package org.devicemanagement.adapters.rest.resource;

import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.domain.RetireAllOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit line every served retire-all leaves, whichever path of the server answered it. */
public final class RetireAllAudit {

  // The resource's logger name, which operators route and filter by, for both paths.
  private static final Logger AUDIT =
      LoggerFactory.getLogger(RemoveAllDevicesFromManagementResource.class);
  private static final String ACTION = "removeAllDevicesFromManagement";

  private RetireAllAudit() {}

  /** Records that {@code caller} retired {@code outcome}'s devices in request {@code requestId}. */
  public static void record(Caller caller, RetireAllOutcome outcome, String requestId) {
    int changed = outcome.changedCount();
    AUDIT.info(
        "{}: caller oid={} upn={} appid={} tid={} target user={} devices changed={} unchanged={}"
            + " request-id={}",
        ACTION,
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
