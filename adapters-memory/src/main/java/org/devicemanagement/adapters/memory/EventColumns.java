package org.devicemanagement.adapters.memory;

import java.time.Instant;
import java.util.List;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditResource;
import org.jspecify.annotations.Nullable;

/**
 * Audit events kept as columns, one slot per event: the instant as seconds and nanoseconds, the id
 * and the correlation id as a GUID's two halves (or, for any other text, the text itself), and the
 * parts events share by reference (the actor, the resources, the texts of the activity). An event
 * recorded by a retire-all that changed nothing adds no object at all for the collector to copy.
 * Not thread-safe: the trail's lock guards it.
 */
final class EventColumns {

  /** The texts of an event that many events share, kept once for all of them. */
  record Texts(
      String displayName,
      String componentName,
      String activity,
      String activityType,
      String activityOperationType,
      String activityResult,
      String category) {

    static Texts of(AuditEvent event) {
      return new Texts(
          event.displayName(),
          event.componentName(),
          event.activity(),
          event.activityType(),
          event.activityOperationType(),
          event.activityResult(),
          event.category());
    }

    // The same strings: events of one kind carry the very same constants.
    @SuppressWarnings({"ReferenceEquality", "StringEquality"})
    boolean sameAs(AuditEvent event) {
      return displayName == event.displayName()
          && componentName == event.componentName()
          && activity == event.activity()
          && activityType == event.activityType()
          && activityOperationType == event.activityOperationType()
          && activityResult == event.activityResult()
          && category == event.category();
    }
  }

  private static final int RECENT_TEXTS = 8;

  private final long[] seconds;
  private final int[] nanos;
  private final long[] idHigh;
  private final long[] idLow;
  // The id's text when it is not a canonical GUID, else null.
  private final @Nullable String[] idText;
  private final long[] correlationHigh;
  private final long[] correlationLow;
  private final @Nullable String[] correlationText;
  private final int[] idHash;
  private final @Nullable Texts[] texts;
  private final @Nullable AuditActor[] actors;
  private final @Nullable List<AuditResource>[] resources;
  // The last few texts recorded, so that events of one kind share one Texts.
  private final @Nullable Texts[] recentTexts = new Texts[RECENT_TEXTS];
  private int nextRecent;

  @SuppressWarnings("unchecked") // an array of a generic type can only be made raw
  EventColumns(int length) {
    seconds = new long[length];
    nanos = new int[length];
    idHigh = new long[length];
    idLow = new long[length];
    idText = new String[length];
    correlationHigh = new long[length];
    correlationLow = new long[length];
    correlationText = new String[length];
    idHash = new int[length];
    texts = new Texts[length];
    actors = new AuditActor[length];
    resources = (List<AuditResource>[]) new List<?>[length];
  }

  int length() {
    return seconds.length;
  }

  /** Keeps {@code event}, whose ids are {@code id} and {@code correlationId}, in {@code slot}. */
  void put(int slot, AuditEvent event, EventId id, EventId correlationId) {
    Instant at = event.activityDateTime();
    seconds[slot] = at.getEpochSecond();
    nanos[slot] = at.getNano();
    idHigh[slot] = id.high();
    idLow[slot] = id.low();
    idText[slot] = id.canonical() ? null : id.text();
    correlationHigh[slot] = correlationId.high();
    correlationLow[slot] = correlationId.low();
    correlationText[slot] = correlationId.canonical() ? null : correlationId.text();
    idHash[slot] = id.hash();
    texts[slot] = shared(event);
    actors[slot] = event.actor();
    resources[slot] = event.resources();
  }

  private Texts shared(AuditEvent event) {
    for (Texts recent : recentTexts) {
      if (recent != null && recent.sameAs(event)) {
        return recent;
      }
    }
    Texts made = Texts.of(event);
    for (Texts recent : recentTexts) {
      if (made.equals(recent)) {
        return recent;
      }
    }
    recentTexts[nextRecent] = made;
    nextRecent = (nextRecent + 1) % RECENT_TEXTS;
    return made;
  }

  /** Moves the event in slot {@code from} to slot {@code to}. */
  void move(int from, int to) {
    copyFrom(this, from, to);
  }

  /** Copies the event in {@code other}'s slot {@code from} to this one's slot {@code to}. */
  void copyFrom(EventColumns other, int from, int to) {
    seconds[to] = other.seconds[from];
    nanos[to] = other.nanos[from];
    idHigh[to] = other.idHigh[from];
    idLow[to] = other.idLow[from];
    idText[to] = other.idText[from];
    correlationHigh[to] = other.correlationHigh[from];
    correlationLow[to] = other.correlationLow[from];
    correlationText[to] = other.correlationText[from];
    idHash[to] = other.idHash[from];
    texts[to] = other.texts[from];
    actors[to] = other.actors[from];
    resources[to] = other.resources[from];
  }

  /** Lets go of the references in {@code slot}. */
  void clear(int slot) {
    idText[slot] = null;
    correlationText[slot] = null;
    texts[slot] = null;
    actors[slot] = null;
    resources[slot] = null;
  }

  long second(int slot) {
    return seconds[slot];
  }

  int nano(int slot) {
    return nanos[slot];
  }

  /** The hash of the id in {@code slot}. */
  int hash(int slot) {
    return idHash[slot];
  }

  /** Whether the event in {@code slot} has {@code id}, ignoring case. */
  boolean hasId(int slot, EventId id) {
    String text = idText[slot];
    if (text == null) {
      return id.isGuid(idHigh[slot], idLow[slot]);
    }
    return EventId.of(text).matches(id);
  }

  /** The order of the id in {@code slot} against {@code id}, as {@link String#compareTo}. */
  int compareId(int slot, EventId id) {
    if (id.text().isEmpty()) {
      // Ids are never empty.
      return 1;
    }
    if (idText[slot] == null && id.canonical()) {
      // Canonical GUIDs are hexadecimal digits and hyphens in fixed places, so their texts sort
      // as their halves do.
      int order = Long.compareUnsigned(idHigh[slot], id.high());
      return order != 0 ? order : Long.compareUnsigned(idLow[slot], id.low());
    }
    return id(slot).compareTo(id.text());
  }

  Texts texts(int slot) {
    return nonNull(texts[slot]);
  }

  int resourceCount(int slot) {
    return nonNull(resources[slot]).size();
  }

  /** The event kept in {@code slot}, equal to the one recorded. */
  AuditEvent event(int slot) {
    Texts text = texts(slot);
    return new AuditEvent(
        id(slot),
        text.displayName(),
        text.componentName(),
        nonNull(actors[slot]),
        text.activity(),
        Instant.ofEpochSecond(seconds[slot], nanos[slot]),
        text.activityType(),
        text.activityOperationType(),
        text.activityResult(),
        correlationId(slot),
        nonNull(resources[slot]),
        text.category());
  }

  private String id(int slot) {
    String text = idText[slot];
    return text != null ? text : EventId.guid(idHigh[slot], idLow[slot]);
  }

  private String correlationId(int slot) {
    String text = correlationText[slot];
    return text != null ? text : EventId.guid(correlationHigh[slot], correlationLow[slot]);
  }

  private static <T> T nonNull(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("an empty slot was read");
    }
    return value;
  }
}
