package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.AuditTrailContract;
import org.junit.jupiter.api.Test;

/**
 * The in-memory trail's ring and id table against a plain sorted set: events recorded out of time
 * order, many at the same instant, in a trail that drops its oldest, always read back in order and
 * found by id exactly while kept.
 */
class InMemoryAuditTrailOrderTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final Comparator<AuditEvent> ORDER =
      Comparator.comparing(AuditEvent::activityDateTime).thenComparing(AuditEvent::id);

  @Test
  void givenEventsOutOfOrderPastTheCapacity_whenRead_thenTheNewestKeptInOrderAndFoundById() {
    Random random = new Random(42);
    int capacity = 300;
    InMemoryAuditTrail trail = new InMemoryAuditTrail(capacity);
    TreeSet<AuditEvent> kept = new TreeSet<>(ORDER);
    List<AuditEvent> all = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // Mostly forward in time, sometimes back, often at an instant already used.
      long second = i / 3L - (random.nextInt(10) == 0 ? random.nextInt(200) : 0);
      AuditEvent event = AuditTrailContract.retireAll(T0.plusSeconds(second));
      all.add(event);
      trail.record(event);
      kept.add(event);
      if (kept.size() > capacity) {
        kept.pollFirst();
      }
    }

    assertThat(MemoryTestData.allPages(trail, new AuditQuery(Optional.empty(), false), 7))
        .containsExactlyElementsOf(kept);
    assertThat(MemoryTestData.allPages(trail, AuditQuery.ALL, 11))
        .containsExactlyElementsOf(kept.descendingSet());
    for (AuditEvent event : all) {
      Optional<AuditEvent> found = trail.findEventById(event.id().toUpperCase(Locale.ROOT));
      assertThat(found).isEqualTo(kept.contains(event) ? Optional.of(event) : Optional.empty());
    }
  }

  @Test
  void givenIdsOfEveryShapeAtFewInstants_whenRead_thenInTextOrderEqualAndFoundInAnyCase() {
    // The trail keeps canonical GUIDs as numbers and any other id as text: both kinds, side by
    // side at one instant, must sort as their texts do and read back exactly as recorded.
    Random random = new Random(7);
    InMemoryAuditTrail trail = new InMemoryAuditTrail(200);
    TreeSet<AuditEvent> kept = new TreeSet<>(ORDER);
    List<AuditEvent> all = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      AuditEvent base = AuditTrailContract.retireAll(T0.plusSeconds(random.nextInt(20)));
      AuditEvent event =
          AuditTrailContract.withIds(base, anyShape(random, i), anyShape(random, i + 1_000_000));
      all.add(event);
      trail.record(event);
      kept.add(event);
      if (kept.size() > 200) {
        kept.pollFirst();
      }
    }

    assertThat(MemoryTestData.allPages(trail, new AuditQuery(Optional.empty(), false), 9))
        .containsExactlyElementsOf(kept);
    assertThat(MemoryTestData.allPages(trail, AuditQuery.ALL, 13))
        .containsExactlyElementsOf(kept.descendingSet());
    for (AuditEvent event : all) {
      String other =
          event.id().equals(event.id().toUpperCase(Locale.ROOT))
              ? event.id().toLowerCase(Locale.ROOT)
              : event.id().toUpperCase(Locale.ROOT);
      assertThat(trail.findEventById(other))
          .isEqualTo(kept.contains(event) ? Optional.of(event) : Optional.empty());
    }
  }

  /**
   * An id of one of the shapes Graph clients send: canonical, upper or mixed case, or not a GUID.
   */
  private static String anyShape(Random random, int n) {
    String guid = new UUID(random.nextLong(), random.nextLong()).toString();
    return switch (random.nextInt(6)) {
      case 0, 1 -> guid;
      case 2 -> guid.toUpperCase(Locale.ROOT);
      case 3 -> guid.substring(0, 18) + guid.substring(18).toUpperCase(Locale.ROOT);
      case 4 -> "event-" + n;
      default -> "{" + guid + "}";
    };
  }
}
