package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditPaging;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.out.AuditTrail;
import org.jspecify.annotations.Nullable;

/**
 * An audit trail kept in memory, ordered by the events' instants and ids: recording appends to a
 * ring (events arrive in time order, so an insertion in the middle is rare and short), a page of a
 * time range is found by binary search and reads only that range, and the events are lost when the
 * process ends. It keeps at most a capacity of events (by default {@value #DEFAULT_CAPACITY}),
 * dropping the oldest, so an emulator serving retire-alls for days holds a bounded heap; the
 * devices retired on each UTC day are counted apart from the events, so the daily retire limit's
 * count never loses a dropped event. Thread-safe: a search holds a read lock while it scans, a
 * record the write lock for an append.
 */
public final class InMemoryAuditTrail implements AuditTrail {

  /** How many events a trail keeps unless told otherwise (about 100 MB at the most). */
  public static final int DEFAULT_CAPACITY = 100_000;

  private static final int INITIAL_LENGTH = 1 << 10;
  private static final long SECONDS_PER_DAY = 86_400;

  private final int capacity;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  // The ring, a power of two long, holds the kept events oldest first from head; only the ring and
  // the id table hold events, in two arrays, so a kept event costs the collector no extra objects.
  private AuditEvent[] ring = new AuditEvent[INITIAL_LENGTH];
  private int head;
  private int size;
  private EventIds ids = new EventIds(INITIAL_LENGTH * 2);

  private final Map<LocalDate, int[]> retiredByDay = new HashMap<>();
  // The day most events fall on, kept apart so that counting one needs no date arithmetic.
  private long countedDayStart = Long.MIN_VALUE;
  private int[] countedDay = new int[1];

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
    lock.writeLock().lock();
    try {
      if (ids.find(event.id()) != null) {
        throw new IllegalArgumentException(
            "an audit event with id %s is already recorded".formatted(event.id()));
      }
      if (retiredDevices(event)) {
        countRetired(event.activityDateTime(), event.resources().size());
      }
      int at = size;
      if (size > 0 && compare(event, get(size - 1)) < 0) {
        at = lowerBound(event.activityDateTime(), event.id());
      }
      if (size == capacity) {
        if (at == 0) {
          // Older than everything kept, in a full trail: it is the one to drop (still counted).
          return;
        }
        dropOldest();
        at--;
      }
      insert(at, event);
      ids.add(event);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void countRetired(Instant at, int devices) {
    long second = at.getEpochSecond();
    if (second < countedDayStart || second >= countedDayStart + SECONDS_PER_DAY) {
      LocalDate day = day(at);
      countedDay = retiredByDay.computeIfAbsent(day, d -> new int[1]);
      countedDayStart = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
    countedDay[0] += devices;
  }

  private void insert(int index, AuditEvent event) {
    if (size == ring.length) {
      grow();
    }
    int mask = ring.length - 1;
    for (int i = size; i > index; i--) {
      ring[(head + i) & mask] = ring[(head + i - 1) & mask];
    }
    ring[(head + index) & mask] = event;
    size++;
  }

  private void grow() {
    AuditEvent[] larger = new AuditEvent[ring.length * 2];
    for (int i = 0; i < size; i++) {
      larger[i] = get(i);
    }
    ring = larger;
    head = 0;
    ids.resize(larger.length * 2);
  }

  private void dropOldest() {
    AuditEvent oldest = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
    ids.remove(oldest);
  }

  private AuditEvent get(int index) {
    return ring[(head + index) & (ring.length - 1)];
  }

  private static int compare(AuditEvent event, AuditEvent other) {
    return compare(event, other.activityDateTime(), other.id());
  }

  private static int compare(AuditEvent event, Instant at, String id) {
    int order = event.activityDateTime().compareTo(at);
    return order != 0 ? order : event.id().compareTo(id);
  }

  /** The index of the first kept event at or after {@code (at, id)}. */
  private int lowerBound(Instant at, String id) {
    return firstPast(at, id, -1);
  }

  /** The index of the first kept event after {@code (at, id)}. */
  private int upperBound(Instant at, String id) {
    return firstPast(at, id, 0);
  }

  /**
   * The index of the first kept event whose order against {@code (at, id)} exceeds {@code limit}.
   */
  private int firstPast(Instant at, String id, int limit) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Integer.signum(compare(get(mid), at, id)) <= limit) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
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
    lock.readLock().lock();
    try {
      return Optional.ofNullable(ids.find(id));
    } finally {
      lock.readLock().unlock();
    }
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
    AuditFilter.TimeSpan span =
        query.filter().map(AuditFilter::span).orElse(AuditFilter.TimeSpan.ALL);
    Optional<AuditFilter> filter = query.filter();
    List<AuditEvent> page = new ArrayList<>(Math.min(pageSize, 128));
    lock.readLock().lock();
    try {
      int from = span.from().map(at -> lowerBound(at, "")).orElse(0);
      // Ids are never empty, so this bound is past every event at that instant.
      int until = span.until().map(at -> lowerBound(at.plusNanos(1), "")).orElse(size);
      if (start.isPresent()) {
        AuditPaging.Position after = start.get();
        if (query.newestFirst()) {
          until = Math.min(until, lowerBound(after.at(), after.id()));
        } else {
          from = Math.max(from, upperBound(after.at(), after.id()));
        }
      }
      int step = query.newestFirst() ? -1 : 1;
      for (int i = query.newestFirst() ? until - 1 : from; i >= from && i < until; i += step) {
        AuditEvent event = get(i);
        if (filter.isPresent() && !filter.get().test(event)) {
          continue;
        }
        if (page.size() == pageSize) {
          return new AuditPage(page, Optional.of(AuditPaging.after(page.get(pageSize - 1), query)));
        }
        page.add(event);
      }
    } finally {
      lock.readLock().unlock();
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
    lock.readLock().lock();
    try {
      if (isMidnight(from) && isMidnight(until)) {
        for (LocalDate d = day(from); d.isBefore(day(until)); d = d.plusDays(1)) {
          int[] count = retiredByDay.get(d);
          retired += count == null ? 0 : count[0];
        }
        return retired;
      }
      for (int i = lowerBound(from, ""), end = lowerBound(until, ""); i < end; i++) {
        AuditEvent event = get(i);
        if (retiredDevices(event)) {
          retired += event.resources().size();
        }
      }
      return retired;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Forgets every event. */
  public void clear() {
    lock.writeLock().lock();
    try {
      ring = new AuditEvent[INITIAL_LENGTH];
      head = 0;
      size = 0;
      ids = new EventIds(INITIAL_LENGTH * 2);
      retiredByDay.clear();
      countedDayStart = Long.MIN_VALUE;
      countedDay = new int[1];
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  /**
   * The kept events by id ignoring case: an open-addressing table with linear probing over two
   * arrays (the events and their ids' hashes), at most half full, so that it adds no object per
   * event, and a probe compares hashes without reaching into the events.
   */
  private static final class EventIds {

    private AuditEvent[] events;
    private int[] hashes;

    EventIds(int length) {
      events = new AuditEvent[length];
      hashes = new int[length];
    }

    @Nullable AuditEvent find(String id) {
      String key = key(id);
      int hash = key.hashCode();
      int mask = events.length - 1;
      for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
        AuditEvent event = events[i];
        if (event == null || (hashes[i] == hash && key(event.id()).equals(key))) {
          return event;
        }
      }
    }

    void add(AuditEvent event) {
      int hash = key(event.id()).hashCode();
      int mask = events.length - 1;
      int i = slot(hash, mask);
      while (events[i] != null) {
        i = (i + 1) & mask;
      }
      events[i] = event;
      hashes[i] = hash;
    }

    // The very event kept is looked for, not an equal one: identity is the cheap and exact test.
    @SuppressWarnings("ReferenceEquality")
    void remove(AuditEvent event) {
      int mask = events.length - 1;
      int i = slot(key(event.id()).hashCode(), mask);
      while (events[i] != event) {
        i = (i + 1) & mask;
      }
      events[i] = null;
      // Moves back every later entry of the run that the hole would hide from its own slot.
      for (int j = (i + 1) & mask; events[j] != null; j = (j + 1) & mask) {
        int home = slot(hashes[j], mask);
        if (((j - home) & mask) >= ((j - i) & mask)) {
          events[i] = events[j];
          hashes[i] = hashes[j];
          events[j] = null;
          i = j;
        }
      }
    }

    void resize(int length) {
      AuditEvent[] old = events;
      events = new AuditEvent[length];
      hashes = new int[length];
      for (AuditEvent event : old) {
        if (event != null) {
          add(event);
        }
      }
    }

    private static int slot(int hash, int mask) {
      return (hash ^ (hash >>> 16)) * 0x9E3779B1 & mask;
    }
  }
}
