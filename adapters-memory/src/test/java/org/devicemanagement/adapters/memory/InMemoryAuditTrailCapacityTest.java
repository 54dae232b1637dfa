package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.AuditTrailContract;
import org.junit.jupiter.api.Test;

/** The in-memory trail's bound: the oldest events go, the day's count of retired devices stays. */
class InMemoryAuditTrailCapacityTest {

  private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  void givenMoreEventsThanTheCapacity_whenRecorded_thenTheOldestAreDropped() {
    InMemoryAuditTrail trail = new InMemoryAuditTrail(3);
    AuditEvent first = AuditTrailContract.retireAll(DAY.plusSeconds(1));
    trail.record(first);
    for (int i = 2; i <= 4; i++) {
      trail.record(AuditTrailContract.retireAll(DAY.plusSeconds(i)));
    }

    assertThat(trail.searchEvents(AuditQuery.ALL, 10, Optional.empty()).events())
        .hasSize(3)
        .noneMatch(e -> e.id().equals(first.id()));
    assertThat(trail.findEventById(first.id())).isEmpty();
  }

  @Test
  void givenDroppedEvents_whenDevicesRetiredOnTheirDay_thenStillCounted() {
    InMemoryAuditTrail trail = new InMemoryAuditTrail(2);
    int perEvent = AuditTrailContract.retireAll(DAY).resources().size();
    for (int i = 1; i <= 5; i++) {
      trail.record(AuditTrailContract.retireAll(DAY.plusSeconds(i)));
    }
    trail.record(AuditTrailContract.refused(DAY.plusSeconds(6), "MISSING_PERMISSION"));

    assertThat(trail.devicesRetiredBetween(DAY, DAY.plus(1, ChronoUnit.DAYS)))
        .isEqualTo(5 * perEvent);
    assertThat(
            trail.devicesRetiredBetween(DAY.plus(1, ChronoUnit.DAYS), DAY.plus(2, ChronoUnit.DAYS)))
        .isZero();
  }

  @Test
  void givenACountedDay_whenCleared_thenNothingCounted() {
    InMemoryAuditTrail trail = new InMemoryAuditTrail();
    trail.record(AuditTrailContract.retireAll(DAY.plusSeconds(1)));

    trail.clear();

    assertThat(trail.devicesRetiredBetween(DAY, DAY.plus(1, ChronoUnit.DAYS))).isZero();
    assertThat(trail.searchEvents(AuditQuery.ALL, 10, Optional.empty()).events()).isEmpty();
  }
}
