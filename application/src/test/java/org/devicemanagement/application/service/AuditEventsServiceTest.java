package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditFilterSyntax;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.AuditEventNotFoundException;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetAuditEventQuery;
import org.devicemanagement.application.port.in.ListAuditEventsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditEventsServiceTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private FakeManagedDevices trail;
  private AuditEventsService service;
  private final Caller reader =
      ApplicationTestData.delegatedAs(ApplicationTestData.adele(), Permissions.APPS_READ_ALL);

  @BeforeEach
  void trail() {
    trail = new FakeManagedDevices(ApplicationTestData.devices());
    service = new AuditEventsService(new PermissionPolicy(PermissionCatalog.seed()), trail);
  }

  private AuditEvent refusedAt(Instant at) {
    AuditEvent event = ApplicationTestData.audit().refused(at, "MISSING_PERMISSION");
    trail.record(event);
    return event;
  }

  @Test
  void givenEvents_whenListedByTimeRangeOldestFirstInPages_thenEachOnceInOrder() {
    AuditEvent first = refusedAt(T0);
    AuditEvent second = refusedAt(T0.plusSeconds(1));
    refusedAt(T0.plusSeconds(3600));
    AuditQuery query =
        new AuditQuery(
            Optional.of(AuditFilterSyntax.parse("activityDateTime lt 2026-12-01T10:30:00Z")),
            false);

    AuditPage page =
        service.listAuditEvents(new ListAuditEventsQuery(reader, query, 1, Optional.empty()));
    AuditPage next =
        service.listAuditEvents(new ListAuditEventsQuery(reader, query, 1, page.nextSkipToken()));

    assertThat(page.events()).containsExactly(first);
    assertThat(next.events()).containsExactly(second);
    assertThat(next.nextSkipToken()).isEmpty();
  }

  @Test
  void givenAnEvent_whenReadByIdInAnotherCase_thenFound() {
    AuditEvent event = refusedAt(T0);

    assertThat(
            service.getAuditEvent(
                new GetAuditEventQuery(reader, event.id().toUpperCase(Locale.ROOT))))
        .isEqualTo(event);
  }

  @Test
  void givenNoSuchEvent_whenRead_thenAuditEventNotFound() {
    assertThatThrownBy(() -> service.getAuditEvent(new GetAuditEventQuery(reader, "nope")))
        .isInstanceOfSatisfying(
            AuditEventNotFoundException.class,
            e -> {
              assertThat(e.eventId()).isEqualTo("nope");
              assertThat(e.code()).isEqualTo("AUDIT_EVENT_NOT_FOUND");
            });
  }

  @Test
  void givenTheFunctions_whenCalled_thenOurCategoryAndItsActivityTypes() {
    assertThat(service.getAuditCategories(reader)).containsExactly(AuditEvents.CATEGORY);
    assertThat(service.getAuditActivityTypes(reader, "device"))
        .containsExactly(
            AuditEvents.RETIRE_ALL_ACTIVITY_TYPE, AuditEvents.RETIRE_COMPLETED_ACTIVITY_TYPE);
    assertThat(service.getAuditActivityTypes(reader, "Enrollment")).isEmpty();
  }

  @Test
  void givenADeviceReader_whenReadingTheTrail_thenMissingPermissionEverywhere() {
    Caller deviceReader = ApplicationTestData.delegatedReader();

    assertThatThrownBy(
            () ->
                service.listAuditEvents(
                    new ListAuditEventsQuery(deviceReader, AuditQuery.ALL, 10, Optional.empty())))
        .isInstanceOf(MissingPermissionException.class)
        .hasMessageContaining("DeviceManagementApps.Read.All");
    assertThatThrownBy(() -> service.getAuditEvent(new GetAuditEventQuery(deviceReader, "x")))
        .isInstanceOf(MissingPermissionException.class);
    assertThatThrownBy(() -> service.getAuditCategories(deviceReader))
        .isInstanceOf(MissingPermissionException.class);
    assertThatThrownBy(() -> service.getAuditActivityTypes(deviceReader, "Device"))
        .isInstanceOf(MissingPermissionException.class);
  }
}
