package org.devicemanagement.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditFilter.ActivityTime;
import org.devicemanagement.application.audit.AuditFilter.TimeOperator;
import org.devicemanagement.application.audit.AuditFilter.TimeSpan;
import org.junit.jupiter.api.Test;

/** The span of instants a filter allows, which stores read instead of the whole trail. */
class AuditFilterSpanTest {

  private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant DEC_2 = Instant.parse("2026-12-02T00:00:00Z");
  private static final Instant DEC_3 = Instant.parse("2026-12-03T00:00:00Z");
  private static final AuditFilter FAILURES =
      new AuditFilter.Text(AuditField.ACTIVITY_RESULT, true, "Failure");

  @Test
  void givenRangeAndText_whenSpan_thenTheRangesEnds() {
    AuditFilter filter =
        AuditFilter.and(
            AuditFilter.and(
                new ActivityTime(TimeOperator.GE, DEC_1), new ActivityTime(TimeOperator.LT, DEC_2)),
            FAILURES);

    assertThat(filter.span()).isEqualTo(new TimeSpan(Optional.of(DEC_1), Optional.of(DEC_2)));
  }

  @Test
  void givenTwoLowerBoundsInAnAnd_whenSpan_thenTheLaterOne() {
    AuditFilter filter =
        AuditFilter.and(
            new ActivityTime(TimeOperator.GT, DEC_1), new ActivityTime(TimeOperator.GE, DEC_2));

    assertThat(filter.span()).isEqualTo(new TimeSpan(Optional.of(DEC_2), Optional.empty()));
  }

  @Test
  void givenOrOfTwoRanges_whenSpan_thenBothCovered() {
    AuditFilter filter =
        AuditFilter.or(
            AuditFilter.and(
                new ActivityTime(TimeOperator.GE, DEC_1), new ActivityTime(TimeOperator.LE, DEC_2)),
            AuditFilter.and(
                new ActivityTime(TimeOperator.GE, DEC_2),
                new ActivityTime(TimeOperator.LE, DEC_3)));

    assertThat(filter.span()).isEqualTo(new TimeSpan(Optional.of(DEC_1), Optional.of(DEC_3)));
  }

  @Test
  void givenOrWithAnUnboundedSide_whenSpan_thenOpen() {
    AuditFilter filter = AuditFilter.or(new ActivityTime(TimeOperator.GE, DEC_1), FAILURES);

    assertThat(filter.span()).isEqualTo(TimeSpan.ALL);
  }
}
