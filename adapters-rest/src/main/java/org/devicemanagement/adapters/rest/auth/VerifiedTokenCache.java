package org.devicemanagement.adapters.rest.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.devicemanagement.application.permission.Caller;
import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of tokens that passed every check, keyed by the exact token text, each kept only
 * for the window in which the full check would accept it again ({@code nbf} to {@code exp}, with
 * the skew). Failures are never cached.
 */
final class VerifiedTokenCache {

  private final int maxEntries;
  private final ConcurrentHashMap<TokenKey, Entry> entries;

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
    TokenKey key = new TokenKey(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.acceptsAt(now)) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /**
   * Remembers that {@code token} stands for {@code caller} from {@code validFrom} to {@code
   * validUntil}.
   */
  void put(String token, Caller caller, Instant validFrom, Instant validUntil, Instant now) {
    if (entries.size() >= maxEntries) {
      makeRoom(now);
    }
    entries.put(new TokenKey(token), new Entry(caller, validFrom, validUntil));
  }

  int size() {
    return entries.size();
  }

  private void makeRoom(Instant now) {
    entries.values().removeIf(entry -> !entry.acceptsAt(now));
    // Still full of live tokens: drop arbitrary ones; they are simply verified in full next time.
    Iterator<Map.Entry<TokenKey, Entry>> it = entries.entrySet().iterator();
    while (entries.size() >= maxEntries && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /**
   * A token as a map key, hashed by its last characters only. A token is about a kilobyte and
   * arrives as a new string with every request, so {@link String#hashCode()} would walk all of it
   * each time; the end of a JWT is its signature, whose characters are as good as random. Equality
   * still compares the whole token.
   */
  private static final class TokenKey {
    private static final int HASHED_SUFFIX = 32;

    private final String token;
    private final int hash;

    TokenKey(String token) {
      this.token = token;
      int from = Math.max(0, token.length() - HASHED_SUFFIX);
      int h = token.length();
      for (int i = from; i < token.length(); i++) {
        h = 31 * h + token.charAt(i);
      }
      this.hash = h;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof TokenKey key && key.hash == hash && key.token.equals(token);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record Entry(Caller caller, Instant validFrom, Instant validUntil) {
    boolean acceptsAt(Instant now) {
      return !now.isBefore(validFrom) && !now.isAfter(validUntil);
    }
  }
}
