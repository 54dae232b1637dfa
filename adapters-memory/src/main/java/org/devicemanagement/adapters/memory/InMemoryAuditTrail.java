package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * ends. It keeps at most a capacity of events (by default {@value #DEFAULT_CAPACITY}), dropping the
 * oldest, so an emulator serving retire-alls for days holds a bounded heap; the devices retired on
 * each UTC day are counted apart from the events, so the daily retire limit's count never loses a
 * dropped event. Thread-safe; readers never block.
 */
public final class InMemoryAuditTrail implements AuditTrail {

  /** How many events a trail keeps unless told otherwise (about 100 MB at the most). */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final int capacity;
  private final AtomicInteger size = new AtomicInteger();
  private final Map<LocalDate, AtomicInteger> retiredByDay = new ConcurrentHashMap<>();

  private final NavigableMap<AuditPaging.Position, AuditEvent> byTime =
      new ConcurrentSkipListMap<>(
          java.util.Comparator.comparing(AuditPaging.Position::at)
              .thenComparing(AuditPaging.Position::id));
  private final Map<String, AuditEvent> byId = new ConcurrentHashMap<>();

  /** A trail keeping at most {@value #DEFAULT_CAPACITY} events. */
  public InMemoryAuditTrail() {
    this(DEFAULT_CAPACITY);
  }

  /** A trail keeping at most {@code capacity} events, the oldest dropped first. */
  public InMemoryAuditTrail(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity %d is below 1".formatted(capacity));
    }
    this.capacity = capacity;
  }

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (byId.putIfAbsent(key(event.id()), event) != null) {
      throw new IllegalArgumentException(
          "an audit event with id %s is already recorded".formatted(event.id()));
    }
    byTime.put(new AuditPaging.Position(event.activityDateTime(), event.id()), event);
    if (retiredDevices(event)) {
      retiredByDay
          .computeIfAbsent(day(event.activityDateTime()), d -> new AtomicInteger())
          .addAndGet(event.resources().size());
    }
    if (size.incrementAndGet() > capacity) {
      Map.Entry<AuditPaging.Position, AuditEvent> oldest = byTime.pollFirstEntry();
      if (oldest != null) {
        byId.remove(key(oldest.getValue().id()));
        size.decrementAndGet();
      }
    }
  }

  private static boolean retiredDevices(AuditEvent event) {
    return event.activityType().equals(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE)
        && event.activityResult().equals(AuditEvents.SUCCESS);
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static boolean isMidnight(Instant at) {
    return at.equals(day(at).atStartOfDay(ZoneOffset.UTC).toInstant());
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

  /**
   * {@inheritDoc}
   *
   * <p>Between two UTC midnights (the daily limit's question) the answer comes from the per-day
   * counts, which count dropped events too; any other span counts the events still kept.
   */
  @Override
  public int devicesRetiredBetween(Instant from, Instant until) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!until.isAfter(from)) {
      return 0;
    }
    int retired = 0;
    if (isMidnight(from) && isMidnight(until)) {
      for (LocalDate d = day(from); d.isBefore(day(until)); d = d.plusDays(1)) {
        AtomicInteger count = retiredByDay.get(d);
        retired += count == null ? 0 : count.get();
      }
      return retired;
    }
    for (AuditEvent event :
        byTime
            .subMap(
                new AuditPaging.Position(from, ""),
                true,
                new AuditPaging.Position(until, ""),
                false)
            .values()) {
      if (retiredDevices(event)) {
        retired += event.resources().size();
      }
    }
    return retired;
  }

  /** Forgets every event. */
  public void clear() {
    byTime.clear();
    byId.clear();
    retiredByDay.clear();
    size.set(0);
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
