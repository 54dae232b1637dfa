package org.devicemanagement.application.audit;

import java.util.Objects;
import java.util.Optional;

/** One property an audited activity changed on a resource (Graph's {@code auditProperty}). */
public record AuditProperty(
    String displayName, Optional<String> oldValue, Optional<String> newValue) {

  /** Checks that every part is present. */
  public AuditProperty {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(oldValue, "oldValue");
    Objects.requireNonNull(newValue, "newValue");
  }
}
