package org.devicemanagement.application.service;

import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.failure.AuditEventNotFoundException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.AuditVocabularyUseCase;
import org.devicemanagement.application.port.in.GetAuditEventQuery;
import org.devicemanagement.application.port.in.GetAuditEventUseCase;
import org.devicemanagement.application.port.in.ListAuditEventsQuery;
import org.devicemanagement.application.port.in.ListAuditEventsUseCase;
import org.devicemanagement.application.port.out.AuditTrail;

/** Reads the tenant's audit trail, and the words it uses, after checking the caller may. */
public final class AuditEventsService
    implements ListAuditEventsUseCase, GetAuditEventUseCase, AuditVocabularyUseCase {

  private final PermissionPolicy policy;
  private final AuditTrail trail;

  /** A service enforcing {@code policy} over {@code trail}. */
  public AuditEventsService(PermissionPolicy policy, AuditTrail trail) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.trail = Objects.requireNonNull(trail, "trail");
  }

  @Override
  public AuditPage listAuditEvents(ListAuditEventsQuery query) {
    policy.authorize(query.caller(), Operation.LIST_AUDIT_EVENTS);
    return trail.searchEvents(query.query(), query.pageSize(), query.skipToken());
  }

  @Override
  public AuditEvent getAuditEvent(GetAuditEventQuery query) {
    policy.authorize(query.caller(), Operation.GET_AUDIT_EVENT);
    return trail
        .findEventById(query.eventId())
        .orElseThrow(() -> new AuditEventNotFoundException(query.eventId()));
  }

  @Override
  public List<String> getAuditCategories(Caller caller) {
    policy.authorize(caller, Operation.GET_AUDIT_CATEGORIES);
    return AuditEvents.CATEGORIES;
  }

  @Override
  public List<String> getAuditActivityTypes(Caller caller, String category) {
    Objects.requireNonNull(category, "category");
    policy.authorize(caller, Operation.GET_AUDIT_ACTIVITY_TYPES);
    return AuditEvents.activityTypesOf(category);
  }
}
