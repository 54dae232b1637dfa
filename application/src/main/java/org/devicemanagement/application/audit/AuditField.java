package org.devicemanagement.application.audit;

import java.util.Optional;

/**
 * The text properties of an audit event that {@code $filter} compares with {@code eq}/{@code ne}.
 */
public enum AuditField {
  /** {@code activityType}, such as {@code RemoveAllDevicesFromManagement User}. */
  ACTIVITY_TYPE,
  /** {@code componentName}. */
  COMPONENT_NAME,
  /** {@code category}. */
  CATEGORY,
  /** {@code correlationId}: the request's {@code request-id}. */
  CORRELATION_ID,
  /** {@code activityOperationType}, such as {@code Action}. */
  ACTIVITY_OPERATION_TYPE,
  /** {@code activityResult}, such as {@code Success}. */
  ACTIVITY_RESULT;

  /** The property's name in Graph's JSON and in {@code $filter}. */
  public String graphName() {
    return switch (this) {
      case ACTIVITY_TYPE -> "activityType";
      case COMPONENT_NAME -> "componentName";
      case CATEGORY -> "category";
      case CORRELATION_ID -> "correlationId";
      case ACTIVITY_OPERATION_TYPE -> "activityOperationType";
      case ACTIVITY_RESULT -> "activityResult";
    };
  }

  /** The field Graph names {@code graphName}, spelled exactly as Graph spells it. */
  public static Optional<AuditField> fromGraphName(String graphName) {
    for (AuditField field : values()) {
      if (field.graphName().equals(graphName)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** This field's value in {@code event}. */
  public String valueIn(AuditEvent event) {
    return switch (this) {
      case ACTIVITY_TYPE -> event.activityType();
      case COMPONENT_NAME -> event.componentName();
      case CATEGORY -> event.category();
      case CORRELATION_ID -> event.correlationId();
      case ACTIVITY_OPERATION_TYPE -> event.activityOperationType();
      case ACTIVITY_RESULT -> event.activityResult();
    };
  }
}
