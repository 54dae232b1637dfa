package org.devicemanagement.adapters.rest.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * The requests the server answered, newest first, in a bounded ring: recording is lock-free (one
 * atomic increment and one store), the oldest entries are overwritten, and a capacity of 0 keeps
 * nothing.
 */
public final class RequestJournal {

  private final int capacity;
  private final AtomicReferenceArray<JournalEntry> ring;
  private final AtomicLong next = new AtomicLong();
  private volatile long floor;

  /** A journal keeping the last {@code capacity} requests; 0 turns it off. */
  public RequestJournal(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity %d is negative".formatted(capacity));
    }
    this.capacity = capacity;
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  /** How many requests the journal keeps; 0 when it is off. */
  public int capacity() {
    return capacity;
  }

  /** Whether the journal records anything. */
  public boolean enabled() {
    return capacity > 0;
  }

  /** Keeps an answered request (see {@link JournalEntry} for the parts), overwriting the oldest. */
  public void record(
      long startedAtMillis,
      String method,
      URI uri,
      int status,
      String requestId,
      String clientRequestId,
      long durationNanos,
      @Nullable Caller caller) {
    if (capacity == 0) {
      return;
    }
    long sequence = next.getAndIncrement();
    ring.setRelease(
        slot(sequence),
        new JournalEntry(
            sequence,
            startedAtMillis,
            method,
            // The URI's path and query, not the URI: it holds several more strings, and the
            // collector copies every kept entry while it is young.
            uri.getRawPath(),
            uri.getRawQuery(),
            status,
            requestId,
            clientRequestId,
            durationNanos,
            caller));
  }

  /** Up to {@code limit} entries, newest first. */
  public List<JournalEntry> newest(int limit) {
    if (capacity == 0 || limit <= 0) {
      return List.of();
    }
    long end = next.get();
    long start = Math.max(floor, end - capacity);
    List<JournalEntry> entries = new ArrayList<>(Math.min(limit, capacity));
    for (long sequence = end - 1; sequence >= start && entries.size() < limit; sequence--) {
      JournalEntry entry = ring.getAcquire(slot(sequence));
      // A slot still being written holds an older entry, or one newer than this read began: both
      // are skipped rather than shown out of place.
      if (entry != null && entry.sequence() == sequence) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /** Forgets every entry recorded so far. */
  public void clear() {
    floor = next.get();
  }

  private int slot(long sequence) {
    return (int) (sequence % capacity);
  }
}
