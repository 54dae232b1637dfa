package org.devicemanagement.application.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of audit events and the opaque token that continues after it when more follow. */
public record AuditPage(List<AuditEvent> events, Optional<String> nextSkipToken) {

  /** Copies the events. */
  public AuditPage {
    events = List.copyOf(events);
    Objects.requireNonNull(nextSkipToken, "nextSkipToken");
  }
}
