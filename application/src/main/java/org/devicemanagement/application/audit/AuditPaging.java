package org.devicemanagement.application.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.failure.InvalidRequestException;

/**
 * Keyset paging of audit events: events are ordered by {@code activityDateTime}, then id, newest or
 * oldest first; a skip token names the last event served (its instant and id) and the order, so a
 * page never repeats or skips an event however many events are recorded in between.
 */
public final class AuditPaging {

  private static final String PREFIX = "audit:";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private AuditPaging() {}

  /** Where a page starts: strictly after the event at {@code at} with id {@code id}. */
  public record Position(Instant at, String id) {

    /** Checks that both parts are present. */
    public Position {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(id, "id");
    }

    /** Whether {@code event} comes after this position in the order newest or oldest first. */
    public boolean precedes(AuditEvent event, boolean newestFirst) {
      int order = ORDER.compare(new Position(event.activityDateTime(), event.id()), this);
      return newestFirst ? order < 0 : order > 0;
    }

    private static final Comparator<Position> ORDER =
        Comparator.comparing(Position::at).thenComparing(Position::id);
  }

  /** Events in the order the query asks for: by {@code activityDateTime}, then by id. */
  public static Comparator<AuditEvent> order(AuditQuery query) {
    Comparator<AuditEvent> oldestFirst =
        Comparator.comparing(AuditEvent::activityDateTime).thenComparing(AuditEvent::id);
    return query.newestFirst() ? oldestFirst.reversed() : oldestFirst;
  }

  /** The skip token that continues after {@code last} in {@code query}'s order. */
  public static String after(AuditEvent last, AuditQuery query) {
    String text =
        PREFIX
            + (query.newestFirst() ? "desc" : "asc")
            + ':'
            + last.activityDateTime()
            + ':'
            + encoded(last.id());
    return encoded(text);
  }

  /**
   * Where {@code skipToken} says the next page of {@code query} starts.
   *
   * @throws InvalidRequestException if the token is not one a page of this query's order gave
   */
  public static Position positionOf(String skipToken, AuditQuery query) {
    try {
      String text = decoded(skipToken);
      String[] parts = text.split(":", -1);
      String order = query.newestFirst() ? "desc" : "asc";
      // The instant holds colons of its own: audit, order, the instant's 3 parts, the id.
      if (text.startsWith(PREFIX) && parts.length == 6 && parts[1].equals(order)) {
        Instant at = Instant.parse(parts[2] + ':' + parts[3] + ':' + parts[4]);
        return new Position(at, decoded(parts[5]));
      }
    } catch (IllegalArgumentException | DateTimeParseException notOurs) {
      // falls through to the caller-facing failure below
    }
    throw new InvalidRequestException("The $skiptoken value is not valid.");
  }

  /**
   * One page of at most {@code pageSize} of {@code matching} (every event that matches the query,
   * in any order), in the query's order, continuing after {@code skipToken} when present.
   */
  public static AuditPage page(
      List<AuditEvent> matching, AuditQuery query, int pageSize, Optional<String> skipToken) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize %d is below 1".formatted(pageSize));
    }
    Optional<Position> start = skipToken.map(token -> positionOf(token, query));
    List<AuditEvent> sorted = new ArrayList<>(matching);
    sorted.sort(order(query));
    List<AuditEvent> page = new ArrayList<>(Math.min(pageSize, sorted.size()));
    for (AuditEvent event : sorted) {
      if (start.isPresent() && !start.get().precedes(event, query.newestFirst())) {
        continue;
      }
      if (page.size() == pageSize) {
        return new AuditPage(page, Optional.of(after(page.get(pageSize - 1), query)));
      }
      page.add(event);
    }
    return new AuditPage(page, Optional.empty());
  }

  private static String encoded(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(String value) {
    return new String(DECODER.decode(value), StandardCharsets.UTF_8);
  }
}
