package org.devicemanagement.application.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the tenant's audit trail, shaped as Graph's {@code auditEvent}: who did what, when,
 * with which result, to which resources.
 */
public record AuditEvent(
    String id,
    String displayName,
    String componentName,
    AuditActor actor,
    String activity,
    Instant activityDateTime,
    String activityType,
    String activityOperationType,
    String activityResult,
    String correlationId,
    List<AuditResource> resources,
    String category) {

  /** Checks that every part is present and copies the resources. */
  public AuditEvent {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an audit event needs an id");
    }
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(componentName, "componentName");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(activityDateTime, "activityDateTime");
    Objects.requireNonNull(activityType, "activityType");
    Objects.requireNonNull(activityOperationType, "activityOperationType");
    Objects.requireNonNull(activityResult, "activityResult");
    Objects.requireNonNull(correlationId, "correlationId");
    resources = List.copyOf(resources);
    Objects.requireNonNull(category, "category");
  }
}
