package org.devicemanagement.adapters.rest.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.devicemanagement.application.permission.Caller;

/**
 * A bounded cache of tokens that passed every check, keyed by the exact token text, each kept only
 * for the window in which the full check would accept it again ({@code nbf} to {@code exp}, with
 * the skew). Failures are never cached.
 */
final class VerifiedTokenCache {

  private final int maxEntries;
  private final ConcurrentHashMap<String, Entry> entries;

  VerifiedTokenCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException(
          "maxEntries must be at least 1, was %d".formatted(maxEntries));
    }
    this.maxEntries = maxEntries;
    this.entries = new ConcurrentHashMap<>();
  }

  /** The caller of {@code token} if it was verified before and is still within its window. */
  Optional<Caller> get(String token, Instant now) {
    Entry entry = entries.get(token);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.acceptsAt(now)) {
      entries.remove(token, entry);
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /** Remembers that {@code token} stands for {@code caller} from {@code validFrom} to {@code validUntil}. */
  void put(String token, Caller caller, Instant validFrom, Instant validUntil, Instant now) {
    if (entries.size() >= maxEntries) {
      makeRoom(now);
    }
    entries.put(token, new Entry(caller, validFrom, validUntil));
  }

  int size() {
    return entries.size();
  }

  private void makeRoom(Instant now) {
    entries.values().removeIf(entry -> !entry.acceptsAt(now));
    // Still full of live tokens: drop arbitrary ones; they are simply verified in full next time.
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (entries.size() >= maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  private record Entry(Caller caller, Instant validFrom, Instant validUntil) {
    boolean acceptsAt(Instant now) {
      return !now.isBefore(validFrom) && !now.isAfter(validUntil);
    }
  }
}
