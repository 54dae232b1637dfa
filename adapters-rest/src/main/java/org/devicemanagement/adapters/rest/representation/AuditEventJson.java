package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditProperty;
import org.devicemanagement.application.audit.AuditResource;
import org.jspecify.annotations.Nullable;

/**
 * Graph's v1.0 {@code auditEvent} on the wire, in the order and with the {@code @odata.type}s of
 * Graph's documentation, {@code @odata.context} when it is the whole response body, and {@code
 * null} for what an event does not know (an actor's application name, say), as Graph writes it.
 */
@JsonPropertyOrder({
  "@odata.context",
  "@odata.type",
  "id",
  "displayName",
  "componentName",
  "actor",
  "activity",
  "activityDateTime",
  "activityType",
  "activityOperationType",
  "activityResult",
  "correlationId",
  "resources",
  "category"
})
public record AuditEventJson(
    @JsonProperty("@odata.context") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable String odataContext,
    @JsonProperty("@odata.type") String odataType,
    @JsonProperty("id") String id,
    @JsonProperty("displayName") String displayName,
    @JsonProperty("componentName") String componentName,
    @JsonProperty("actor") Actor actor,
    @JsonProperty("activity") String activity,
    @JsonProperty("activityDateTime") String activityDateTime,
    @JsonProperty("activityType") String activityType,
    @JsonProperty("activityOperationType") String activityOperationType,
    @JsonProperty("activityResult") String activityResult,
    @JsonProperty("correlationId") String correlationId,
    @JsonProperty("resources") List<Resource> resources,
    @JsonProperty("category") String category) {

  /** Graph's type name of an audit event. */
  public static final String ODATA_TYPE = "#microsoft.graph.auditEvent";

  /** Graph's {@code auditActor}. */
  @JsonPropertyOrder({
    "@odata.type",
    "type",
    "auditActorType",
    "userPermissions",
    "applicationId",
    "applicationDisplayName",
    "userPrincipalName",
    "servicePrincipalName",
    "ipAddress",
    "userId"
  })
  public record Actor(
      @JsonProperty("@odata.type") String odataType,
      @JsonProperty("type") String type,
      @JsonProperty("auditActorType") String auditActorType,
      @JsonProperty("userPermissions") List<String> userPermissions,
      @JsonProperty("applicationId") @Nullable String applicationId,
      @JsonProperty("applicationDisplayName") @Nullable String applicationDisplayName,
      @JsonProperty("userPrincipalName") @Nullable String userPrincipalName,
      @JsonProperty("servicePrincipalName") @Nullable String servicePrincipalName,
      @JsonProperty("ipAddress") @Nullable String ipAddress,
      @JsonProperty("userId") @Nullable String userId) {

    static Actor of(AuditActor actor) {
      return new Actor(
          "microsoft.graph.auditActor",
          actor.type(),
          actor.auditActorType(),
          actor.userPermissions(),
          actor.applicationId().orElse(null),
          actor.applicationDisplayName().orElse(null),
          actor.userPrincipalName().orElse(null),
          actor.servicePrincipalName().orElse(null),
          actor.ipAddress().orElse(null),
          actor.userId().orElse(null));
    }
  }

  /** Graph's {@code auditResource}. */
  @JsonPropertyOrder({
    "@odata.type",
    "displayName",
    "modifiedProperties",
    "type",
    "auditResourceType",
    "resourceId"
  })
  public record Resource(
      @JsonProperty("@odata.type") String odataType,
      @JsonProperty("displayName") String displayName,
      @JsonProperty("modifiedProperties") List<Property> modifiedProperties,
      @JsonProperty("type") String type,
      @JsonProperty("auditResourceType") String auditResourceType,
      @JsonProperty("resourceId") String resourceId) {

    static Resource of(AuditResource resource) {
      return new Resource(
          "microsoft.graph.auditResource",
          resource.displayName(),
          resource.modifiedProperties().stream().map(Property::of).toList(),
          resource.type(),
          resource.auditResourceType(),
          resource.resourceId());
    }
  }

  /** Graph's {@code auditProperty}. */
  @JsonPropertyOrder({"@odata.type", "displayName", "oldValue", "newValue"})
  public record Property(
      @JsonProperty("@odata.type") String odataType,
      @JsonProperty("displayName") String displayName,
      @JsonProperty("oldValue") @Nullable String oldValue,
      @JsonProperty("newValue") @Nullable String newValue) {

    static Property of(AuditProperty property) {
      return new Property(
          "microsoft.graph.auditProperty",
          property.displayName(),
          property.oldValue().orElse(null),
          property.newValue().orElse(null));
    }
  }

  /** The wire form of {@code event} inside a collection. */
  public static AuditEventJson of(AuditEvent event) {
    return of(event, null);
  }

  /** The wire form of {@code event} as a whole response, naming its {@code odataContext}. */
  public static AuditEventJson of(AuditEvent event, @Nullable String odataContext) {
    return new AuditEventJson(
        odataContext,
        ODATA_TYPE,
        event.id(),
        event.displayName(),
        event.componentName(),
        Actor.of(event.actor()),
        event.activity(),
        // Graph's dates carry at most 7 fractional digits, whatever a store kept.
        JsonConventions.dateTime(event.activityDateTime().truncatedTo(ChronoUnit.MICROS)),
        event.activityType(),
        event.activityOperationType(),
        event.activityResult(),
        event.correlationId(),
        event.resources().stream().map(Resource::of).toList(),
        event.category());
  }
}
