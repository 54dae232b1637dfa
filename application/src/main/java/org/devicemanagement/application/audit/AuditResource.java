package org.devicemanagement.application.audit;

import java.util.List;
import java.util.Objects;

/**
 * One resource an audited activity touched, with the properties it changed (Graph's {@code
 * auditResource}); {@code type} and {@code auditResourceType} carry the same word, as Intune's do.
 */
public record AuditResource(
    String resourceId,
    String displayName,
    String type,
    String auditResourceType,
    List<AuditProperty> modifiedProperties) {

  /** Checks that every part is present and copies the properties. */
  public AuditResource {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(auditResourceType, "auditResourceType");
    modifiedProperties = List.copyOf(modifiedProperties);
  }
}
