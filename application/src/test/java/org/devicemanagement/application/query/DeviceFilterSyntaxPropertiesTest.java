package org.devicemanagement.application.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;

/**
 * Random filters, devices and texts checked against properties of the syntax. Each run draws a new
 * base seed (or takes {@code -Dquery.seed=N}); every failure names the seed of its case, which
 * {@code -Dquery.seed} does not need: {@link #cases} replays a case from its own seed.
 */
class DeviceFilterSyntaxPropertiesTest {

  private static final long BASE_SEED = Long.getLong("query.seed", new Random().nextLong());
  private static final List<DeviceProperty> FILTERABLE =
      List.of(DeviceProperty.values()).stream().filter(DeviceProperty::filterable).toList();

  /** Pieces of literals: quotes, operators, parentheses, blanks and non-ASCII text. */
  private static final String[] LITERAL_PIECES = {
    "'",
    "''",
    " ",
    "  ",
    "\t",
    "a",
    "B",
    "z",
    "0",
    "9",
    "and",
    " or ",
    "eq",
    "(",
    ")",
    ",",
    "é",
    "É",
    "日本",
    "🚀",
    "ß",
    "\u00a0",
    "\"",
    "%",
    "&",
    "$",
    "/",
    "\\",
    "startswith(",
    "İ"
  };

  /** Values shared by devices and literals so that comparisons often match, in varying case. */
  private static final String[] EVALUATION_VALUES = {
    "", "a", "A", "ab", "Ab", "aB", "b", "o'b", "O'B", "a b", "é", "É", "éa", "win", "Windows"
  };

  private static final String[] GARBAGE_PIECES = {
    "deviceName",
    "DEVICENAME",
    "id",
    "complianceState",
    "osVersion",
    "foo",
    " eq ",
    " ne ",
    " gt ",
    " and ",
    " or ",
    "not ",
    "eq",
    "and",
    "'",
    "''",
    "'x'",
    "'compliant'",
    "(",
    ")",
    ",",
    " ",
    "startswith",
    "startswith(",
    "endswith(",
    "null",
    "5",
    "true",
    "microsoft.graph.",
    "\t",
    "é",
    "🚀",
    "\u0000",
    "\"",
    "=",
    "/",
    "in",
    "$",
    "((((",
    "))))"
  };

  @FunctionalInterface
  private interface Case {
    void check(Random random);
  }

  /** Runs {@code count} cases, each from its own seed, naming that seed when one fails. */
  private static void cases(int count, Case check) {
    Random seeds = new Random(BASE_SEED);
    for (int i = 0; i < count; i++) {
      long seed = seeds.nextLong();
      try {
        check.check(new Random(seed));
      } catch (AssertionError | RuntimeException | StackOverflowError failure) {
        throw new AssertionError(
            "case %d failed; replay with new Random(%dL) (base seed %d)"
                .formatted(i, seed, BASE_SEED),
            failure);
      }
    }
  }

  // ------------------------------------------------------------------ generators

  private static DeviceFilter tree(Random random, int depth, Function<Random, String> values) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return atom(random, values);
    }
    DeviceFilter left = tree(random, depth - 1, values);
    DeviceFilter right = tree(random, depth - 1, values);
    return random.nextBoolean() ? DeviceFilter.and(left, right) : DeviceFilter.or(left, right);
  }

  /**
   * A chain of {@code length} short conditions nested to the right or to the left, with mixed
   * operators.
   */
  private static DeviceFilter chain(Random random, int length, boolean toTheRight) {
    DeviceFilter filter = shortAtom(random);
    for (int i = 1; i < length; i++) {
      DeviceFilter atom = shortAtom(random);
      DeviceFilter left = toTheRight ? atom : filter;
      DeviceFilter right = toTheRight ? filter : atom;
      filter = random.nextBoolean() ? DeviceFilter.and(left, right) : DeviceFilter.or(left, right);
    }
    return filter;
  }

  private static DeviceFilter shortAtom(Random random) {
    return new DeviceFilter.Comparison(
        random.nextBoolean() ? DeviceProperty.ID : DeviceProperty.USER_ID,
        operator(random),
        evaluationValue(random));
  }

  private static DeviceFilter atom(Random random, Function<Random, String> values) {
    DeviceProperty property = FILTERABLE.get(random.nextInt(FILTERABLE.size()));
    if (property.kind() == DeviceProperty.Kind.ENUM) {
      GraphEnum[] constants = constants(property);
      String name = constants[random.nextInt(constants.length)].graphName();
      return new DeviceFilter.Comparison(property, operator(random), randomCase(random, name));
    }
    String value = values.apply(random);
    return random.nextInt(4) == 0
        ? new DeviceFilter.StartsWith(property, value)
        : new DeviceFilter.Comparison(property, operator(random), value);
  }

  private static DeviceFilter.Operator operator(Random random) {
    return random.nextBoolean() ? DeviceFilter.Operator.EQ : DeviceFilter.Operator.NE;
  }

  private static String literal(Random random) {
    StringBuilder literal = new StringBuilder();
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      literal.append(LITERAL_PIECES[random.nextInt(LITERAL_PIECES.length)]);
    }
    return literal.toString();
  }

  private static String evaluationValue(Random random) {
    return pick(random, EVALUATION_VALUES);
  }

  private static GraphEnum[] constants(DeviceProperty property) {
    return switch (property) {
      case MANAGEMENT_STATE -> ManagementState.values();
      case COMPLIANCE_STATE -> ComplianceState.values();
      case MANAGED_DEVICE_OWNER_TYPE -> ManagedDeviceOwnerType.values();
      default -> throw new IllegalArgumentException(property.name());
    };
  }

  private static String randomCase(Random random, String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return out.toString();
  }

  private static ManagedDevice device(Random random) {
    String id;
    do {
      id = pick(random, EVALUATION_VALUES);
    } while (id.isBlank());
    return ManagedDevice.builder(id, pick(random, EVALUATION_VALUES))
        .userPrincipalName(pick(random, EVALUATION_VALUES))
        .deviceName(pick(random, EVALUATION_VALUES))
        .operatingSystem(pick(random, EVALUATION_VALUES))
        .managementState(pick(random, ManagementState.values()))
        .complianceState(pick(random, ComplianceState.values()))
        .managedDeviceOwnerType(pick(random, ManagedDeviceOwnerType.values()))
        .build();
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * {@code filter} written the way a person might: names and keywords in random case, extra blank
   * space where OData allows it, redundant parentheses, qualified enumeration literals.
   */
  private static String noisy(DeviceFilter filter, Random random) {
    StringBuilder out = new StringBuilder();
    writeNoisy(filter, random, out);
    return out.toString();
  }

  private static void writeNoisy(DeviceFilter filter, Random random, StringBuilder out) {
    if (random.nextInt(10) == 0) {
      out.append('(').append(blank(random, 0));
      writeNoisyBare(filter, random, out);
      out.append(blank(random, 0)).append(')');
    } else {
      writeNoisyBare(filter, random, out);
    }
  }

  private static void writeNoisyBare(DeviceFilter filter, Random random, StringBuilder out) {
    if (filter instanceof DeviceFilter.Comparison c) {
      out.append(randomCase(random, c.property().graphName()))
          .append(blank(random, 1))
          .append(randomCase(random, c.operator().keyword()))
          .append(blank(random, 1));
      if (c.property().kind() == DeviceProperty.Kind.ENUM && random.nextBoolean()) {
        out.append("microsoft.graph.").append(c.property().graphName());
      }
      out.append('\'').append(randomCaseIfEnum(random, c)).append('\'');
    } else if (filter instanceof DeviceFilter.StartsWith s) {
      out.append(randomCase(random, "startswith"))
          .append('(')
          .append(blank(random, 0))
          .append(randomCase(random, s.property().graphName()))
          .append(blank(random, 0))
          .append(',')
          .append(blank(random, 0))
          .append('\'')
          .append(s.prefix().replace("'", "''"))
          .append('\'')
          .append(blank(random, 0))
          .append(')');
    } else if (filter instanceof DeviceFilter.And and) {
      group(and.left(), and.left() instanceof DeviceFilter.Or, random, out);
      out.append(blank(random, 1)).append(randomCase(random, "and")).append(blank(random, 1));
      group(and.right(), !isAtom(and.right()), random, out);
    } else if (filter instanceof DeviceFilter.Or or) {
      writeNoisy(or.left(), random, out);
      out.append(blank(random, 1)).append(randomCase(random, "or")).append(blank(random, 1));
      group(or.right(), or.right() instanceof DeviceFilter.Or, random, out);
    }
  }

  private static String randomCaseIfEnum(Random random, DeviceFilter.Comparison c) {
    return c.property().kind() == DeviceProperty.Kind.ENUM
        ? randomCase(random, c.value())
        : c.value().replace("'", "''");
  }

  private static boolean isAtom(DeviceFilter filter) {
    return filter instanceof DeviceFilter.Comparison || filter instanceof DeviceFilter.StartsWith;
  }

  private static void group(DeviceFilter filter, boolean needed, Random random, StringBuilder out) {
    if (needed) {
      out.append('(').append(blank(random, 0));
      writeNoisy(filter, random, out);
      out.append(blank(random, 0)).append(')');
    } else {
      writeNoisy(filter, random, out);
    }
  }

  private static String blank(Random random, int least) {
    StringBuilder blank = new StringBuilder(" ".repeat(least));
    while (random.nextInt(4) == 0) {
      blank.append(random.nextBoolean() ? ' ' : '\t');
    }
    return blank.toString();
  }

  // ------------------------------------------------------------------ an independent evaluator

  private static final Pattern ATOM =
      Pattern.compile("(\\w+) (eq|ne) '((?:[^']|'')*)'|startswith\\((\\w+),'((?:[^']|'')*)'\\)");
  private static final Pattern INNERMOST_GROUP = Pattern.compile("\\(([^()]*)\\)");

  /**
   * Evaluates canonical filter text by rewriting: each condition (read left to right, so quotes
   * inside literals are consumed with them) becomes T or F, then each innermost parenthesised group
   * becomes T or F, as an "or" of "and"s.
   */
  private static boolean evaluate(String text, ManagedDevice device) {
    Matcher atoms = ATOM.matcher(text);
    StringBuilder flat = new StringBuilder();
    while (atoms.find()) {
      boolean value;
      if (atoms.group(1) != null) {
        boolean equal = fold(field(atoms.group(1), device)).equals(fold(unquote(atoms.group(3))));
        value = atoms.group(2).equals("eq") == equal;
      } else {
        value = fold(field(atoms.group(4), device)).startsWith(fold(unquote(atoms.group(5))));
      }
      atoms.appendReplacement(flat, value ? "T" : "F");
    }
    atoms.appendTail(flat);
    String rest = flat.toString();
    for (Matcher group = INNERMOST_GROUP.matcher(rest);
        group.find();
        group = INNERMOST_GROUP.matcher(rest)) {
      rest =
          rest.substring(0, group.start())
              + flatValue(group.group(1))
              + rest.substring(group.end());
    }
    return flatValue(rest).equals("T");
  }

  private static String flatValue(String flat) {
    for (String alternative : flat.split(" or ", -1)) {
      boolean all = true;
      for (String operand : alternative.split(" and ", -1)) {
        if (!operand.equals("T") && !operand.equals("F")) {
          throw new AssertionError("not a condition: '" + operand + "' in '" + flat + "'");
        }
        all &= operand.equals("T");
      }
      if (all) {
        return "T";
      }
    }
    return "F";
  }

  private static String field(String name, ManagedDevice device) {
    return switch (name) {
      case "id" -> device.id();
      case "userId" -> device.userId();
      case "userPrincipalName" -> device.userPrincipalName();
      case "deviceName" -> device.deviceName();
      case "operatingSystem" -> device.operatingSystem();
      case "managementState" -> device.managementState().graphName();
      case "complianceState" -> device.complianceState().graphName();
      case "managedDeviceOwnerType" -> device.managedDeviceOwnerType().graphName();
      default -> throw new AssertionError("unexpected property " + name);
    };
  }

  private static String unquote(String literal) {
    return literal.replace("''", "'");
  }

  /** Case folding that agrees with equalsIgnoreCase on {@link #EVALUATION_VALUES}. */
  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ properties

  @Test
  void givenRandomTrees_whenPrintThenParse_thenSameTreeAndSameText() {
    cases(
        3000,
        random -> {
          DeviceFilter tree =
              tree(random, 1 + random.nextInt(7), DeviceFilterSyntaxPropertiesTest::literal);
          String text = DeviceFilterSyntax.print(tree);

          assertThat(DeviceFilterSyntax.parse(text)).as(text).isEqualTo(tree);
          assertThat(DeviceFilterSyntax.print(DeviceFilterSyntax.parse(text))).isEqualTo(text);
        });
  }

  @Test
  void givenRandomDeepChains_whenPrintThenParse_thenSameTree() {
    cases(
        300,
        random -> {
          boolean toTheRight = random.nextBoolean();
          // Right-nested chains need one pair of parentheses per level: stay within the depth.
          int length = 2 + random.nextInt(toTheRight ? DeviceFilterSyntax.MAX_DEPTH : 150);
          DeviceFilter tree = chain(random, length, toTheRight);
          String text = DeviceFilterSyntax.print(tree);

          assertThat(text.length()).isLessThanOrEqualTo(DeviceFilterSyntax.MAX_LENGTH);
          assertThat(DeviceFilterSyntax.parse(text)).as(text).isEqualTo(tree);
        });
  }

  @Test
  void givenRandomTreesWrittenLoosely_whenParse_thenSameTree() {
    cases(
        3000,
        random -> {
          DeviceFilter tree =
              tree(random, 1 + random.nextInt(6), DeviceFilterSyntaxPropertiesTest::literal);
          String text = noisy(tree, random);

          assertThat(DeviceFilterSyntax.parse(text)).as(text).isEqualTo(tree);
        });
  }

  @Test
  void givenRandomTreesAndDevices_whenTest_thenAgreesWithEvaluatingThePrintedText() {
    cases(
        1000,
        random -> {
          DeviceFilter tree =
              tree(
                  random, 1 + random.nextInt(6), DeviceFilterSyntaxPropertiesTest::evaluationValue);
          String text = DeviceFilterSyntax.print(tree);
          for (int i = 0; i < 20; i++) {
            ManagedDevice device = device(random);

            assertThat(tree.test(device))
                .as("%s on %s", text, device)
                .isEqualTo(evaluate(text, device));
          }
        });
  }

  @Test
  void givenEvaluator_whenKnownTexts_thenExpectedTruth() {
    ManagedDevice device =
        ManagedDevice.builder("d1", "u1")
            .deviceName("O'Brien laptop")
            .complianceState(ComplianceState.NONCOMPLIANT)
            .build();

    assertThat(evaluate("deviceName eq 'o''brien LAPTOP'", device)).isTrue();
    assertThat(evaluate("startswith(deviceName,'o''b') and id ne 'd1'", device)).isFalse();
    assertThat(evaluate("id eq 'x' or complianceState eq 'noncompliant' and id eq 'd1'", device))
        .isTrue();
    assertThat(evaluate("(id eq 'x' or complianceState eq 'noncompliant') and id eq 'x'", device))
        .isFalse();
  }

  @Test
  void givenRandomGarbage_whenParse_thenFilterOrInvalidRequestOnly() {
    cases(
        5000,
        random -> {
          StringBuilder text = new StringBuilder();
          int pieces = random.nextInt(15);
          for (int i = 0; i < pieces; i++) {
            if (random.nextInt(5) == 0) {
              text.append((char) random.nextInt(0x3000));
            } else {
              text.append(GARBAGE_PIECES[random.nextInt(GARBAGE_PIECES.length)]);
            }
          }
          parsesOrRefuses(text.toString());
        });
  }

  @Test
  void givenMutatedValidTexts_whenParse_thenFilterOrInvalidRequestOnly() {
    cases(
        5000,
        random -> {
          StringBuilder text =
              new StringBuilder(
                  DeviceFilterSyntax.print(
                      tree(
                          random,
                          1 + random.nextInt(4),
                          DeviceFilterSyntaxPropertiesTest::literal)));
          int mutations = 1 + random.nextInt(3);
          for (int i = 0; i < mutations && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
              case 0 -> text.deleteCharAt(at);
              case 1 -> text.insert(at, "'() ,".charAt(random.nextInt(5)));
              default -> text.setCharAt(at, (char) (' ' + random.nextInt(95)));
            }
          }
          parsesOrRefuses(text.toString());
        });
  }

  @Test
  void givenPathologicalTexts_whenParse_thenInvalidRequestWithoutOverflow() {
    List<String> texts = new ArrayList<>();
    texts.add("(".repeat(100_000));
    texts.add("(".repeat(3990));
    texts.add("(".repeat(1000) + "deviceName eq 'a'" + ")".repeat(1000));
    texts.add("'".repeat(3999));
    texts.add("deviceName eq 'a' and ".repeat(150));
    texts.add("deviceName eq 'a' and ".repeat(200));
    texts.add("not ".repeat(900));

    for (String text : texts) {
      assertThat(parsesOrRefuses(text)).as(text.substring(0, 20)).isFalse();
    }
  }

  /** Whether {@code text} parsed (to a filter that prints and parses back to itself). */
  private static boolean parsesOrRefuses(String text) {
    DeviceFilter filter;
    try {
      filter = DeviceFilterSyntax.parse(text);
    } catch (InvalidRequestException refused) {
      assertThat(refused.getMessage()).as(text).isNotBlank();
      return false;
    }
    assertThat(DeviceFilterSyntax.parse(DeviceFilterSyntax.print(filter)))
        .as(text)
        .isEqualTo(filter);
    return true;
  }
}
