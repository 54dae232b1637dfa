package org.devicemanagement.adapters.memory;

import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.AuditTrailContract;

/** Runs the audit trail's contract against the in-memory trail on its own (the gateway's). */
class InMemoryAuditTrailContractTest implements AuditTrailContract {

  @Override
  public AuditTrail emptyTrail() {
    return new InMemoryAuditTrail();
  }
}
