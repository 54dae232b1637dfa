package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

/**
 * An audit trail kept in memory, ordered by the events' instants and ids: recording appends to a
 * ring (events arrive in time order, so an insertion in the middle is rare and short), a page of a
 * time range is found by binary search and reads only that range, and the events are lost when the
 * process ends. It keeps at most a capacity of events (by default {@value #DEFAULT_CAPACITY}),
 * dropping the oldest, so an emulator serving retire-alls for days holds a bounded heap; the
 * devices retired on each UTC day are counted apart from the events, so the daily retire limit's
 * count never loses a dropped event. Thread-safe: a search holds a read lock while it scans, a
 * record the write lock for an append.
 *
 * <p>Kept events are stored in columns ({@link EventColumns}), not as the recorded objects: their
 * instants and their ids and correlation ids (GUIDs) as numbers, their shared parts (actor,
 * resources, texts) by reference. A busy emulator keeps a hundred thousand events for seconds to
 * hours; as objects, every young collection copied all of the recent ones again, which cost more
 * than the rest of a retire-all. Reads build the events back, equal to the recorded ones.
 */
public final class InMemoryAuditTrail implements AuditTrail {

  /**
   * How many events a trail keeps unless told otherwise: about 11 MB of columns, plus the resources
   * of the events that changed devices (about 100 MB at the most).
   */
  public static final int DEFAULT_CAPACITY = 100_000;

  private static final int INITIAL_LENGTH = 1 << 10;
  private static final long SECONDS_PER_DAY = 86_400;

  private final int capacity;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  // The ring, a power of two long, holds the kept events oldest first from head.
  private EventColumns ring = new EventColumns(INITIAL_LENGTH);
  private int head;
  private int size;
  private SlotIndex ids = new SlotIndex(INITIAL_LENGTH * 2);

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
    // Worked out before the lock: the write lock is held by one recorder at a time.
    EventId id = EventId.of(event.id());
    EventId correlationId = EventId.of(event.correlationId());
    Instant at = event.activityDateTime();
    lock.writeLock().lock();
    try {
      if (ids.find(id, ring) >= 0) {
        throw new IllegalArgumentException(
            "an audit event with id %s is already recorded".formatted(event.id()));
      }
      if (retiredDevices(event.activityType(), event.activityResult())) {
        countRetired(at, event.resources().size());
      }
      int index = size;
      if (size > 0 && compare(slot(size - 1), at.getEpochSecond(), at.getNano(), id) > 0) {
        index = lowerBound(at, id);
      }
      if (size == capacity) {
        if (index == 0) {
          // Older than everything kept, in a full trail: it is the one to drop (still counted).
          return;
        }
        dropOldest();
        index--;
      }
      insert(index, event, id, correlationId);
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

  private void insert(int index, AuditEvent event, EventId id, EventId correlationId) {
    if (size == ring.length()) {
      grow();
    }
    int mask = ring.length() - 1;
    // Later events move up one slot (rare: only an event older than the newest lands here).
    for (int i = size; i > index; i--) {
      int to = (head + i) & mask;
      int from = (head + i - 1) & mask;
      ring.move(from, to);
      ids.move(ring.hash(to), from, to);
    }
    int slot = (head + index) & mask;
    ring.put(slot, event, id, correlationId);
    ids.add(id.hash(), slot);
    size++;
  }

  private void grow() {
    EventColumns larger = new EventColumns(ring.length() * 2);
    SlotIndex index = new SlotIndex(larger.length() * 2);
    for (int i = 0; i < size; i++) {
      larger.copyFrom(ring, slot(i), i);
      index.add(larger.hash(i), i);
    }
    ring = larger;
    ids = index;
    head = 0;
  }

  private void dropOldest() {
    ids.remove(ring.hash(head), head);
    ring.clear(head);
    head = (head + 1) & (ring.length() - 1);
    size--;
  }

  private int slot(int index) {
    return (head + index) & (ring.length() - 1);
  }

  /** The order of the event in {@code slot} against {@code (second, nano, id)}. */
  private int compare(int slot, long second, int nano, EventId id) {
    int order = Long.compare(ring.second(slot), second);
    if (order == 0) {
      order = Integer.compare(ring.nano(slot), nano);
    }
    return order != 0 ? order : ring.compareId(slot, id);
  }

  /** The index of the first kept event at or after {@code (at, id)}. */
  private int lowerBound(Instant at, EventId id) {
    return firstPast(at, id, -1);
  }

  /** The index of the first kept event after {@code (at, id)}. */
  private int upperBound(Instant at, EventId id) {
    return firstPast(at, id, 0);
  }

  /** The index of the first kept event at or after {@code at} (whatever its id). */
  private int firstAt(Instant at) {
    // Ids are never empty, so the empty id sorts before every event at that instant.
    return lowerBound(at, EventId.EMPTY);
  }

  /**
   * The index of the first kept event whose order against {@code (at, id)} exceeds {@code limit}.
   */
  private int firstPast(Instant at, EventId id, int limit) {
    long second = at.getEpochSecond();
    int nano = at.getNano();
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Integer.signum(compare(slot(mid), second, nano, id)) <= limit) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static boolean retiredDevices(String activityType, String activityResult) {
    return activityType.equals(AuditEvents.RETIRE_ALL_ACTIVITY_TYPE)
        && activityResult.equals(AuditEvents.SUCCESS);
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
    EventId wanted = EventId.of(id);
    lock.readLock().lock();
    try {
      int slot = ids.find(wanted, ring);
      return slot < 0 ? Optional.empty() : Optional.of(ring.event(slot));
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
      int from = span.from().map(this::firstAt).orElse(0);
      int until = span.until().map(at -> firstAt(at.plusNanos(1))).orElse(size);
      if (start.isPresent()) {
        AuditPaging.Position after = start.get();
        EventId id = EventId.of(after.id());
        if (query.newestFirst()) {
          until = Math.min(until, lowerBound(after.at(), id));
        } else {
          from = Math.max(from, upperBound(after.at(), id));
        }
      }
      int step = query.newestFirst() ? -1 : 1;
      for (int i = query.newestFirst() ? until - 1 : from; i >= from && i < until; i += step) {
        AuditEvent event = ring.event(slot(i));
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
      for (int i = firstAt(from), end = firstAt(until); i < end; i++) {
        int slot = slot(i);
        EventColumns.Texts texts = ring.texts(slot);
        if (retiredDevices(texts.activityType(), texts.activityResult())) {
          retired += ring.resourceCount(slot);
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
      ring = new EventColumns(INITIAL_LENGTH);
      head = 0;
      size = 0;
      ids = new SlotIndex(INITIAL_LENGTH * 2);
      retiredByDay.clear();
      countedDayStart = Long.MIN_VALUE;
      countedDay = new int[1];
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The ring's slots by id ignoring case: an open-addressing table with linear probing, at most
   * half full, whose entries pack an id's hash with its slot in one {@code long}, so that a probe
   * reads one array and a kept event costs no object.
   */
  private static final class SlotIndex {

    private static final long EMPTY = 0;

    private final long[] entries;

    SlotIndex(int length) {
      entries = new long[length];
    }

    /** The slot of the event with {@code id} in {@code ring}, or -1. */
    int find(EventId id, EventColumns ring) {
      int mask = entries.length - 1;
      for (int i = home(id.hash(), mask); ; i = (i + 1) & mask) {
        long entry = entries[i];
        if (entry == EMPTY) {
          return -1;
        }
        if (hashOf(entry) == id.hash() && ring.hasId(slotOf(entry), id)) {
          return slotOf(entry);
        }
      }
    }

    void add(int hash, int slot) {
      int mask = entries.length - 1;
      int i = home(hash, mask);
      while (entries[i] != EMPTY) {
        i = (i + 1) & mask;
      }
      entries[i] = entry(hash, slot);
    }

    /** Points the entry of the event that was in {@code from} to {@code to}. */
    void move(int hash, int from, int to) {
      entries[indexOf(hash, from)] = entry(hash, to);
    }

    void remove(int hash, int slot) {
      int mask = entries.length - 1;
      int i = indexOf(hash, slot);
      entries[i] = EMPTY;
      // Moves back every later entry of the run that the hole would hide from its own home.
      for (int j = (i + 1) & mask; entries[j] != EMPTY; j = (j + 1) & mask) {
        int home = home(hashOf(entries[j]), mask);
        if (((j - home) & mask) >= ((j - i) & mask)) {
          entries[i] = entries[j];
          entries[j] = EMPTY;
          i = j;
        }
      }
    }

    private int indexOf(int hash, int slot) {
      int mask = entries.length - 1;
      long wanted = entry(hash, slot);
      int i = home(hash, mask);
      while (entries[i] != wanted) {
        i = (i + 1) & mask;
      }
      return i;
    }

    // The slot is stored plus one, so that no entry is EMPTY.
    private static long entry(int hash, int slot) {
      return ((long) hash << 32) | (slot + 1L);
    }

    private static int hashOf(long entry) {
      return (int) (entry >>> 32);
    }

    private static int slotOf(long entry) {
      return (int) entry - 1;
    }

    private static int home(int hash, int mask) {
      return (hash ^ (hash >>> 16)) * 0x9E3779B1 & mask;
    }
  }
}
