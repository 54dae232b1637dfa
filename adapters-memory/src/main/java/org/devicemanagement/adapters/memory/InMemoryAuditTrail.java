package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditPaging;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.AuditTrail;

/**
 * An audit trail kept in memory, ordered by the events' instants and ids: recording is a map
 * insertion, a page of a time range reads only that range, and the events are lost when the process
 * ends. Thread-safe; readers never block.
 */
public final class InMemoryAuditTrail implements AuditTrail {

  private final NavigableMap<AuditPaging.Position, AuditEvent> byTime =
      new ConcurrentSkipListMap<>(
          java.util.Comparator.comparing(AuditPaging.Position::at)
              .thenComparing(AuditPaging.Position::id));
  private final Map<String, AuditEvent> byId = new ConcurrentHashMap<>();

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (byId.putIfAbsent(key(event.id()), event) != null) {
      throw new IllegalArgumentException(
          "an audit event with id %s is already recorded".formatted(event.id()));
    }
    byTime.put(new AuditPaging.Position(event.activityDateTime(), event.id()), event);
  }

  @Override
  public Optional<AuditEvent> findEventById(String id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(byId.get(key(id)));
  }

  @Override
  public AuditPage searchEvents(AuditQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize %d is below 1".formatted(pageSize));
    }
    Optional<AuditPaging.Position> start =
        skipToken.map(token -> AuditPaging.positionOf(token, query));
    NavigableMap<AuditPaging.Position, AuditEvent> range = byTime;
    AuditFilter.TimeSpan span =
        query.filter().map(AuditFilter::span).orElse(AuditFilter.TimeSpan.ALL);
    if (span.from().isPresent()) {
      range = range.tailMap(new AuditPaging.Position(span.from().get(), ""), true);
    }
    if (span.until().isPresent()) {
      // Ids are never empty, so this bound is past every event at that instant.
      range = range.headMap(new AuditPaging.Position(span.until().get().plusNanos(1), ""), false);
    }
    if (start.isPresent()) {
      range =
          query.newestFirst()
              ? range.headMap(start.get(), false)
              : range.tailMap(start.get(), false);
    }
    Iterable<AuditEvent> ordered =
        query.newestFirst() ? range.descendingMap().values() : range.values();
    Optional<AuditFilter> filter = query.filter();
    List<AuditEvent> page = new ArrayList<>(Math.min(pageSize, 128));
    for (AuditEvent event : ordered) {
      if (filter.isPresent() && !filter.get().test(event)) {
        continue;
      }
      if (page.size() == pageSize) {
        return new AuditPage(page, Optional.of(AuditPaging.after(page.get(pageSize - 1), query)));
      }
      page.add(event);
    }
    return new AuditPage(page, Optional.empty());
  }

  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    int retired = 0;
    for (AuditEvent event :
        byTime
            .subMap(
                new AuditPaging.Position(from, ""),
                true,
                new AuditPaging.Position(until, ""),
                false)
            .values()) {
      if (event.activityType().equals(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE)
          && event.activityResult().equals(AuditEvents.SUCCESS)) {
        retired += event.resources().size();
      }
    }
    return retired;
  }

  /** Forgets every event. */
  public void clear() {
    byTime.clear();
    byId.clear();
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
