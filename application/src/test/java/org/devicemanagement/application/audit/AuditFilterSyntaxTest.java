package org.devicemanagement.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.devicemanagement.application.audit.AuditFilter.TimeOperator;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code $filter} grammar of audit events: what it reads, how it prints, what it refuses. */
class AuditFilterSyntaxTest {

  private static final long BASE_SEED = Long.getLong("query.seed", new Random().nextLong());
  private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void givenATimeRangeAndAnActivityType_whenParsed_thenTheTreeAndItsCanonicalText() {
    AuditFilter filter =
        AuditFilterSyntax.parse(
            "activityDateTime ge 2026-12-01T00:00:00Z and activityDateTime lt"
                + " 2026-12-02T00:00:00Z and activityType eq 'RemoveAllDevicesFromManagement User'");

    assertThat(filter)
        .isEqualTo(
            AuditFilter.and(
                AuditFilter.and(
                    new AuditFilter.ActivityTime(TimeOperator.GE, DECEMBER),
                    new AuditFilter.ActivityTime(
                        TimeOperator.LT, Instant.parse("2026-12-02T00:00:00Z"))),
                new AuditFilter.Text(
                    AuditField.ACTIVITY_TYPE, true, "RemoveAllDevicesFromManagement User")));
    assertThat(AuditFilterSyntax.print(filter))
        .isEqualTo(
            "activityDateTime ge 2026-12-01T00:00:00Z and activityDateTime lt 2026-12-02T00:00:00Z"
                + " and activityType eq 'RemoveAllDevicesFromManagement User'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-12-01T00:00:00Z|2026-12-01T00:00:00Z",
        "2026-12-01T00:00:00.1234567Z|2026-12-01T00:00:00.123456700Z",
        "2026-12-01T01:00:00+01:00|2026-12-01T00:00:00Z",
        "2026-11-30T16:00:00.5-08:00|2026-12-01T00:00:00.5Z"
      })
  void givenDateLiteralsWithFractionsAndOffsets_whenParsed_thenTheInstant(
      String literal, String expected) {
    assertThat(AuditFilterSyntax.parse("ACTIVITYDATETIME GT " + literal))
        .isEqualTo(new AuditFilter.ActivityTime(TimeOperator.GT, Instant.parse(expected)));
  }

  @Test
  void givenQuotesOrAndParentheses_whenParsed_thenValuesUnescapedAndOrBindsLooser() {
    AuditFilter filter =
        AuditFilterSyntax.parse(
            "(componentName ne 'O''Brien' or category eq 'Device') and correlationId eq 'x'");

    assertThat(filter)
        .isEqualTo(
            AuditFilter.and(
                AuditFilter.or(
                    new AuditFilter.Text(AuditField.COMPONENT_NAME, false, "O'Brien"),
                    new AuditFilter.Text(AuditField.CATEGORY, true, "Device")),
                new AuditFilter.Text(AuditField.CORRELATION_ID, true, "x")));
    assertThat(AuditFilterSyntax.print(filter))
        .isEqualTo(
            "(componentName ne 'O''Brien' or category eq 'Device') and correlationId eq 'x'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "activityDateTime eq 2026-12-01T00:00:00Z|The operator 'eq' is not supported in $filter"
            + " on activityDateTime; use ge, le, gt or lt.",
        "activityType gt 'x'|The operator 'gt' is not supported in $filter on activityType; use"
            + " eq or ne.",
        "activityDateTime ge '2026-12-01T00:00:00Z'|Found operand types 'Edm.DateTimeOffset'"
            + " and 'Edm.String' for operator kind 'GreaterThanOrEqual'",
        "activityDateTime ge 2026-13-01T00:00:00Z|The DateTimeOffset text"
            + " '2026-13-01T00:00:00Z' should be in format",
        "activityDateTime ge 2026-12-01T00:00:00 01:00|it needs Z or an offset",
        "displayName eq 'x'|The property 'displayName' is not supported in $filter. Properties"
            + " supported in $filter: activityDateTime, activityType, componentName, category,"
            + " correlationId, activityOperationType, activityResult.",
        "deviceName eq 'x'|Could not find a property named 'deviceName' on type"
            + " 'microsoft.graph.auditEvent'.",
        "startswith(activityType,'Re')|The function 'startswith' is not supported in $filter on"
            + " audit events",
        "activityType eq Device|A single-quoted string is expected after 'eq', for example"
            + " activityType eq 'value'; found 'Device'.",
        "(activityType eq 'x'|The '(' at position 0 has no closing ')'.",
        "activityType eq 'x')|This ')' closes no '('.",
        "activityType eq 'x' category eq 'y'|Expected 'and', 'or' or the end of the filter, found"
            + " 'category'.",
        "not activityType eq 'x'|The operator 'not' is not supported in $filter",
        "activityType  eq'x'|Put a space before and after 'eq'."
      })
  void givenFiltersOutsideTheGrammar_whenParsed_then400WithGraphLikeMessage(
      String text, String message) {
    assertThatThrownBy(() -> AuditFilterSyntax.parse(text))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(ints = {AuditFilterSyntax.MAX_DEPTH + 1})
  void givenParenthesesTooDeep_whenParsed_thenRefusedWithoutOverflow(int depth) {
    String text = "(".repeat(depth) + "category eq 'x'" + ")".repeat(depth);

    assertThatThrownBy(() -> AuditFilterSyntax.parse(text))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("more than 100 levels deep");
  }

  @Test
  void givenRandomTrees_whenPrintThenParse_thenSameTreeAndSameText() {
    Random seeds = new Random(BASE_SEED);
    for (int i = 0; i < 2_000; i++) {
      long seed = seeds.nextLong();
      AuditFilter filter = tree(new Random(seed), 4);
      String text = AuditFilterSyntax.print(filter);

      AuditFilter parsed = AuditFilterSyntax.parse(text);

      assertThat(parsed)
          .as("case %d: replay with new Random(%dL) (base seed %d): %s", i, seed, BASE_SEED, text)
          .isEqualTo(filter);
      assertThat(AuditFilterSyntax.print(parsed)).isEqualTo(text);
    }
  }

  private static AuditFilter tree(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return atom(random);
    }
    AuditFilter left = tree(random, depth - 1);
    AuditFilter right = tree(random, depth - 1);
    return random.nextBoolean() ? AuditFilter.and(left, right) : AuditFilter.or(left, right);
  }

  private static AuditFilter atom(Random random) {
    if (random.nextBoolean()) {
      TimeOperator operator = pick(random, TimeOperator.values());
      // Any instant of years 2000-2099 to the nanosecond: printed in UTC, read back exactly.
      Instant at =
          Instant.ofEpochSecond(
              946_684_800L + (long) (random.nextDouble() * 3_155_760_000L),
              random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      return new AuditFilter.ActivityTime(operator, at);
    }
    AuditField field = pick(random, AuditField.values());
    return new AuditFilter.Text(field, random.nextBoolean(), text(random));
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String text(Random random) {
    String alphabet = "aZ '()=,\t-é0_";
    StringBuilder value = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return value.toString();
  }
}
