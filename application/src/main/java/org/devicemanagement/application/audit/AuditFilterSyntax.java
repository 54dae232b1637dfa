package org.devicemanagement.application.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.FilterLexer.Kind;
import org.devicemanagement.application.query.FilterLexer.Token;
import org.devicemanagement.application.query.FilterParser;

/**
 * Reads and writes {@link AuditFilter}s in Graph's {@code $filter} text: {@code activityDateTime}
 * compared with {@code ge}, {@code le}, {@code gt} or {@code lt} to an unquoted DateTimeOffset
 * literal ({@code 2026-12-01T00:00:00Z}, fractional seconds and offsets allowed), the text
 * properties of {@link AuditField} compared with {@code eq} or {@code ne} to a single-quoted string
 * ({@code ''} for a quote), joined by {@code and} (binding tighter) and {@code or}, with
 * parentheses. Names and keywords compare ignoring case.
 */
public final class AuditFilterSyntax {

  /** The longest {@code $filter} text read, in characters. */
  public static final int MAX_LENGTH = FilterParser.MAX_LENGTH;

  /** The deepest nesting of parentheses read. */
  public static final int MAX_DEPTH = FilterParser.MAX_DEPTH;

  private static final String ENTITY_TYPE = "microsoft.graph.auditEvent";
  private static final String ACTIVITY_DATE_TIME = "activityDateTime";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FUNCTION_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern NO_OFFSET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
  private static final String A_CONDITION =
      "a condition such as activityType eq 'value' or activityDateTime ge 2026-12-01T00:00:00Z";

  /** auditEvent's other properties, named so that refusals can say they exist. */
  private static final Set<String> OTHER_PROPERTIES =
      Set.of("id", "displayName", "actor", "activity", "resources");

  /** OData's operators other than the comparisons and {@code and}, {@code or}. */
  private static final Set<String> OTHER_OPERATORS =
      Set.of("has", "in", "not", "add", "sub", "mul", "div", "divby", "mod");

  private AuditFilterSyntax() {}

  /**
   * The filter {@code text} spells.
   *
   * @throws InvalidRequestException naming what is wrong when the text is not a filter this product
   *     supports on audit events
   */
  public static AuditFilter parse(String text) {
    return new Parser(Objects.requireNonNull(text, "text")).filter();
  }

  /**
   * {@code filter} as {@code $filter} text that {@link #parse} reads back to an equal filter (when
   * the text stays within {@link #MAX_LENGTH} and {@link #MAX_DEPTH}): canonical names and
   * keywords, instants in UTC, one space around operators, parentheses only where the tree needs
   * them.
   */
  public static String print(AuditFilter filter) {
    Objects.requireNonNull(filter, "filter");
    StringBuilder out = new StringBuilder();
    write(filter, out);
    return out.toString();
  }

  private static void write(AuditFilter filter, StringBuilder out) {
    if (filter instanceof AuditFilter.ActivityTime time) {
      out.append(ACTIVITY_DATE_TIME)
          .append(' ')
          .append(time.operator().keyword())
          .append(' ')
          .append(DateTimeFormatter.ISO_INSTANT.format(time.bound()));
    } else if (filter instanceof AuditFilter.Text text) {
      out.append(text.field().graphName()).append(text.equal() ? " eq '" : " ne '");
      out.append(text.value().replace("'", "''")).append('\'');
    } else if (filter instanceof AuditFilter.And and) {
      // "and" is left associative and binds tighter than "or": an "or" on either side and an
      // "and" on the right need parentheses to keep the tree.
      operand(and.left(), and.left() instanceof AuditFilter.Or, out);
      out.append(" and ");
      operand(and.right(), !isAtom(and.right()), out);
    } else if (filter instanceof AuditFilter.Or or) {
      write(or.left(), out);
      out.append(" or ");
      operand(or.right(), or.right() instanceof AuditFilter.Or, out);
    } else {
      throw new IllegalStateException("unknown filter " + filter);
    }
  }

  private static boolean isAtom(AuditFilter filter) {
    return filter instanceof AuditFilter.ActivityTime || filter instanceof AuditFilter.Text;
  }

  private static void operand(AuditFilter filter, boolean parenthesize, StringBuilder out) {
    if (parenthesize) {
      out.append('(');
      write(filter, out);
      out.append(')');
    } else {
      write(filter, out);
    }
  }

  private static String filterableNames() {
    return ACTIVITY_DATE_TIME
        + ", "
        + Arrays.stream(AuditField.values())
            .map(AuditField::graphName)
            .collect(Collectors.joining(", "));
  }

  /** A recursive-descent reader of one {@code $filter} text; nesting is bounded by depth. */
  private static final class Parser extends FilterParser<AuditFilter> {

    Parser(String text) {
      super(text, A_CONDITION);
    }

    @Override
    protected AuditFilter both(AuditFilter left, AuditFilter right) {
      return AuditFilter.and(left, right);
    }

    @Override
    protected AuditFilter either(AuditFilter left, AuditFilter right) {
      return AuditFilter.or(left, right);
    }

    @Override
    protected AuditFilter condition(Token word) {
      String name = word.text();
      if (isKeyword(word)) {
        throw syntax(word, "Expected %s, found '%s'.".formatted(A_CONDITION, name));
      }
      if (word.isWord("not")) {
        throw unsupportedOperator(word, "");
      }
      if (peek().kind() == Kind.OPEN && FUNCTION_NAME.matcher(name).matches()) {
        throw new InvalidRequestException(
            "The function '%s' is not supported in $filter on audit events; compare properties with eq, ne, ge, le, gt or lt."
                .formatted(shown(name)));
      }
      if (word.isWord(ACTIVITY_DATE_TIME)) {
        return activityTime();
      }
      AuditField field = field(word);
      Token operator = take();
      boolean equal;
      if (operator.isWord("eq")) {
        equal = true;
      } else if (operator.isWord("ne")) {
        equal = false;
      } else if (isTimeOperator(operator) || isOtherOperator(operator)) {
        throw unsupportedOperator(operator, " on " + field.graphName() + "; use eq or ne.");
      } else {
        throw syntax(
            operator,
            "Expected 'eq' or 'ne' after '%s', found %s."
                .formatted(field.graphName(), found(operator)));
      }
      keyword(operator);
      Token literal = take();
      if (literal.kind() != Kind.STRING) {
        throw syntax(
            literal,
            "A single-quoted string is expected after '%s', for example %s eq 'value'; found %s."
                .formatted(operator.text(), field.graphName(), found(literal)));
      }
      return new AuditFilter.Text(field, equal, literal.value());
    }

    private AuditFilter activityTime() {
      Token operator = take();
      AuditFilter.TimeOperator comparison = null;
      for (AuditFilter.TimeOperator candidate : AuditFilter.TimeOperator.values()) {
        if (operator.isWord(candidate.keyword())) {
          comparison = candidate;
        }
      }
      if (comparison == null) {
        if (operator.isWord("eq") || operator.isWord("ne") || isOtherOperator(operator)) {
          throw unsupportedOperator(operator, " on activityDateTime; use ge, le, gt or lt.");
        }
        throw syntax(
            operator,
            "Expected 'ge', 'le', 'gt' or 'lt' after '%s', found %s."
                .formatted(ACTIVITY_DATE_TIME, found(operator)));
      }
      keyword(operator);
      Token literal = take();
      if (literal.kind() == Kind.STRING) {
        throw new InvalidRequestException(
            ("A binary operator with incompatible types was detected. Found operand types"
                    + " 'Edm.DateTimeOffset' and 'Edm.String' for operator kind '%s'; write the"
                    + " date without quotes, such as activityDateTime %s 2026-12-01T00:00:00Z.")
                .formatted(operatorKind(comparison), comparison.keyword()));
      }
      if (literal.kind() != Kind.WORD) {
        throw syntax(
            literal,
            "A date such as 2026-12-01T00:00:00Z is expected after '%s', found %s."
                .formatted(operator.text(), found(literal)));
      }
      return new AuditFilter.ActivityTime(comparison, instant(literal));
    }

    private static Instant instant(Token literal) {
      try {
        return OffsetDateTime.parse(literal.text(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            ("The DateTimeOffset text '%s' should be in format"
                    + " 'yyyy-mm-ddThh:mm:ss('.'s+)?(zz:zz)?' and each field value is within valid"
                    + " range%s.")
                .formatted(
                    shown(literal.text()),
                    NO_OFFSET.matcher(literal.text()).matches()
                        ? "; it needs Z or an offset (a '+' in a URL's query reads as a space:"
                            + " write it %2B)"
                        : ""));
      }
    }

    private AuditField field(Token word) {
      String name = word.text();
      if (!IDENTIFIER.matcher(name).matches()) {
        throw syntax(word, "Expected %s, found '%s'.".formatted(A_CONDITION, shown(name)));
      }
      for (AuditField field : AuditField.values()) {
        if (field.graphName().equalsIgnoreCase(name)) {
          return field;
        }
      }
      Optional<String> other =
          OTHER_PROPERTIES.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
      if (other.isEmpty()) {
        throw new InvalidRequestException(
            "Could not find a property named '%s' on type '%s'."
                .formatted(shown(name), ENTITY_TYPE));
      }
      throw new InvalidRequestException(
          "The property '%s' is not supported in $filter. Properties supported in $filter: %s."
              .formatted(other.get(), filterableNames()));
    }

    private static InvalidRequestException unsupportedOperator(Token operator, String where) {
      return new InvalidRequestException(
          "The operator '%s' is not supported in $filter%s"
              .formatted(
                  key(shown(operator.text())),
                  where.isEmpty()
                      ? "; activityDateTime takes ge, le, gt, lt and text properties eq, ne,"
                          + " joined by and, or."
                      : where));
    }

    private static String operatorKind(AuditFilter.TimeOperator operator) {
      return switch (operator) {
        case GE -> "GreaterThanOrEqual";
        case LE -> "LessThanOrEqual";
        case GT -> "GreaterThan";
        case LT -> "LessThan";
      };
    }

    private static boolean isTimeOperator(Token token) {
      return token.isWord("ge") || token.isWord("le") || token.isWord("gt") || token.isWord("lt");
    }

    private static boolean isOtherOperator(Token token) {
      return token.kind() == Kind.WORD && OTHER_OPERATORS.contains(key(token.text()));
    }

    private static boolean isKeyword(Token word) {
      return word.isWord("and")
          || word.isWord("or")
          || word.isWord("eq")
          || word.isWord("ne")
          || isTimeOperator(word);
    }
  }
}
