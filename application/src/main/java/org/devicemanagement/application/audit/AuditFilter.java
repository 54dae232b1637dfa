package org.devicemanagement.application.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit events a listing asks for: a {@code $filter} on the event's date ({@code ge}, {@code
 * le}, {@code gt}, {@code lt}) and text properties ({@code eq}, {@code ne}, ignoring case, as
 * Graph's Intune filters compare), combined with {@code and} and {@code or}.
 */
public sealed interface AuditFilter {

  /** Whether {@code event} matches. */
  boolean test(AuditEvent event);

  /**
   * The span of {@code activityDateTime} outside which no event matches, both ends inclusive and
   * open when empty: a store reads only that span and tests each event there.
   */
  default TimeSpan span() {
    return TimeSpan.ALL;
  }

  /** A span of instants, both ends inclusive, open where empty. */
  record TimeSpan(Optional<Instant> from, Optional<Instant> until) {

    /** Every instant. */
    public static final TimeSpan ALL = new TimeSpan(Optional.empty(), Optional.empty());

    /** Checks that both ends are present or empty. */
    public TimeSpan {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
    }

    TimeSpan intersect(TimeSpan other) {
      return new TimeSpan(later(from, other.from), earlier(until, other.until));
    }

    TimeSpan union(TimeSpan other) {
      return new TimeSpan(
          from.isEmpty() || other.from.isEmpty() ? Optional.empty() : earlier(from, other.from),
          until.isEmpty() || other.until.isEmpty() ? Optional.empty() : later(until, other.until));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
      if (a.isEmpty()) {
        return b;
      }
      return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
      if (a.isEmpty()) {
        return b;
      }
      return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }
  }

  /** {@code left and right}. */
  static AuditFilter and(AuditFilter left, AuditFilter right) {
    return new And(left, right);
  }

  /** {@code left or right}. */
  static AuditFilter or(AuditFilter left, AuditFilter right) {
    return new Or(left, right);
  }

  /** How {@code activityDateTime} is compared with an instant. */
  enum TimeOperator {
    /** Greater than or equal. */
    GE,
    /** Less than or equal. */
    LE,
    /** Greater than. */
    GT,
    /** Less than. */
    LT;

    /** The operator as {@code $filter} writes it. */
    public String keyword() {
      return switch (this) {
        case GE -> "ge";
        case LE -> "le";
        case GT -> "gt";
        case LT -> "lt";
      };
    }

    /** Whether {@code value} stands in this relation to {@code bound}. */
    public boolean holds(Instant value, Instant bound) {
      int order = value.compareTo(bound);
      return switch (this) {
        case GE -> order >= 0;
        case LE -> order <= 0;
        case GT -> order > 0;
        case LT -> order < 0;
      };
    }
  }

  /** {@code activityDateTime ge|le|gt|lt 2026-12-01T00:00:00Z}. */
  record ActivityTime(TimeOperator operator, Instant bound) implements AuditFilter {

    /** Checks that both parts are present. */
    public ActivityTime {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(bound, "bound");
    }

    @Override
    public boolean test(AuditEvent event) {
      return operator.holds(event.activityDateTime(), bound);
    }

    @Override
    public TimeSpan span() {
      return switch (operator) {
        case GE, GT -> new TimeSpan(Optional.of(bound), Optional.empty());
        case LE, LT -> new TimeSpan(Optional.empty(), Optional.of(bound));
      };
    }
  }

  /** {@code field eq 'value'} ({@code equal}) or {@code field ne 'value'}, ignoring case. */
  record Text(AuditField field, boolean equal, String value) implements AuditFilter {

    /** Checks that every part is present. */
    public Text {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean test(AuditEvent event) {
      return field.valueIn(event).equalsIgnoreCase(value) == equal;
    }
  }

  /** Both sides match. */
  record And(AuditFilter left, AuditFilter right) implements AuditFilter {

    /** Checks that both sides are present. */
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(AuditEvent event) {
      return left.test(event) && right.test(event);
    }

    @Override
    public TimeSpan span() {
      return left.span().intersect(right.span());
    }
  }

  /** Either side matches. */
  record Or(AuditFilter left, AuditFilter right) implements AuditFilter {

    /** Checks that both sides are present. */
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(AuditEvent event) {
      return left.test(event) || right.test(event);
    }

    @Override
    public TimeSpan span() {
      return left.span().union(right.span());
    }
  }
}
