package org.devicemanagement.adapters.memory;

import java.util.Arrays;
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

  // The value of each ASCII hexadecimal digit, -1 for every other character: a table rather than
  // Character.digit, which also takes full-width and other non-ASCII digits that a GUID never has.
  private static final int[] DIGITS = new int[128];

  static {
    Arrays.fill(DIGITS, -1);
    for (int c = '0'; c <= '9'; c++) {
      DIGITS[c] = c - '0';
    }
    for (int c = 'a'; c <= 'f'; c++) {
      DIGITS[c] = c - 'a' + 10;
      DIGITS[c - 'a' + 'A'] = c - 'a' + 10;
    }
  }

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
      // Every digit's value (-1 for a character that is not one) ored together: one test at the
      // end tells whether all of them were digits.
      int seen = 0;
      boolean upperCase = false;
      for (int i = 0; i < GUID_LENGTH; i++) {
        char c = text.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          seen |= c == '-' ? 0 : -1;
          continue;
        }
        int digit = c < DIGITS.length ? DIGITS[c] : -1;
        seen |= digit;
        upperCase |= c >= 'A' && c <= 'F';
        if (i < 18) {
          high = high << 4 | (digit & 0xf);
        } else {
          low = low << 4 | (digit & 0xf);
        }
      }
      if (seen >= 0) {
        int hash = Long.hashCode(high ^ low * 0x9E3779B97F4A7C15L);
        return new EventId(text, true, !upperCase, high, low, hash);
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
