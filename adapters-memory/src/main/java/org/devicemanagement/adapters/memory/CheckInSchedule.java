package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The planned check-ins of a tenant's devices: device ids grouped by the microsecond they check in
 * at, so that devices planned together (a whole tenant one interval after it was loaded) cost one
 * list slot each. Thread-safe; each device has at most one planned check-in.
 */
final class CheckInSchedule {

  private final TreeMap<Long, List<String>> idsByMicros = new TreeMap<>();

  /** Plans {@code deviceId}'s check-in at {@code at}. */
  synchronized void plan(String deviceId, Instant at) {
    idsByMicros.computeIfAbsent(micros(at), k -> new ArrayList<>(1)).add(deviceId);
  }

  /** Forgets every plan. */
  synchronized void clear() {
    idsByMicros.clear();
  }

  /** The earliest planned check-in. */
  synchronized Optional<Instant> next() {
    Map.Entry<Long, List<String>> first = idsByMicros.firstEntry();
    return first == null ? Optional.empty() : Optional.of(instant(first.getKey()));
  }

  /** Removes and returns the earliest group planned at or before {@code until}, if any. */
  synchronized Map.@Nullable Entry<Long, List<String>> pollDue(Instant until) {
    Map.Entry<Long, List<String>> first = idsByMicros.firstEntry();
    if (first == null || first.getKey() > micros(until)) {
      return null;
    }
    return idsByMicros.pollFirstEntry();
  }

  /** Forgets {@code deviceId}'s plan (ids compare ignoring case); costs a pass over every plan. */
  synchronized void forget(String deviceId) {
    String key = deviceId.toLowerCase(Locale.ROOT);
    Iterator<List<String>> groups = idsByMicros.values().iterator();
    while (groups.hasNext()) {
      List<String> group = groups.next();
      group.removeIf(id -> id.toLowerCase(Locale.ROOT).equals(key));
      if (group.isEmpty()) {
        groups.remove();
      }
    }
  }

  static long micros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS);
  }
}
