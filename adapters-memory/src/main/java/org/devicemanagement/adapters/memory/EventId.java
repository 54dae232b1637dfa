package org.devicemanagement.adapters.memory;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit event's id (or correlation id) as the in-memory trail compares and keeps it: a GUID as
 * its two halves, any other text as it is. Ids match ignoring case; a GUID written in Graph's
 * canonical form (lower case, with hyphens) can be kept as its halves alone and written back the
 * same.
 */
final class EventId {

  /** The empty id, which sorts before every id an event can have. */
  static final EventId EMPTY = new EventId("", false, false, 0, 0, "".hashCode());

  private static final int GUID_LENGTH = 36;

  private final String text;
  private final boolean guid;
  private final boolean canonical;
  private final long high;
  private final long low;
  private final int hash;

  private EventId(String text, boolean guid, boolean canonical, long high, long low, int hash) {
    this.text = text;
    this.guid = guid;
    this.canonical = canonical;
    this.high = high;
    this.low = low;
    this.hash = hash;
  }

  /** {@code text} as an id. */
  static EventId of(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() == GUID_LENGTH) {
      long high = 0;
      long low = 0;
      boolean guid = true;
      boolean lowerCase = true;
      for (int i = 0; i < GUID_LENGTH && guid; i++) {
        char c = text.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          guid = c == '-';
          continue;
        }
        int digit = Character.digit(c, 16);
        // Character.digit also takes full-width and other non-ASCII digits; a GUID has none.
        guid = digit >= 0 && c < 0x80;
        lowerCase &= c <= '9' || c >= 'a';
        if (i < 18) {
          high = high << 4 | digit;
        } else {
          low = low << 4 | digit;
        }
      }
      if (guid) {
        int hash = Long.hashCode(high ^ low * 0x9E3779B97F4A7C15L);
        return new EventId(text, true, lowerCase, high, low, hash);
      }
    }
    return new EventId(text, false, false, 0, 0, text.toLowerCase(Locale.ROOT).hashCode());
  }

  /** The text the id was made from. */
  String text() {
    return text;
  }

  /** The id's hash, equal for ids that match ignoring case. */
  int hash() {
    return hash;
  }

  /** Whether this is a GUID in canonical form, which {@link #guid(long, long)} writes back. */
  boolean canonical() {
    return canonical;
  }

  long high() {
    return high;
  }

  long low() {
    return low;
  }

  /** Whether this is the GUID with halves {@code high} and {@code low}, in any case. */
  boolean isGuid(long high, long low) {
    return guid && this.high == high && this.low == low;
  }

  /** Whether this id and {@code other} match ignoring case. */
  boolean matches(EventId other) {
    if (guid || other.guid) {
      return guid && other.isGuid(high, low);
    }
    return text.toLowerCase(Locale.ROOT).equals(other.text.toLowerCase(Locale.ROOT));
  }

  /** The canonical text of the GUID with halves {@code high} and {@code low}. */
  static String guid(long high, long low) {
    return new UUID(high, low).toString();
  }
}
