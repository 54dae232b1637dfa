package org.devicemanagement.application.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.query.DeviceFilter.and;
import static org.devicemanagement.application.query.DeviceFilter.or;

import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.DeviceFilter.Comparison;
import org.devicemanagement.application.query.DeviceFilter.Operator;
import org.devicemanagement.application.query.DeviceFilter.StartsWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceFilterSyntaxTest {

  private static final String SUPPORTED =
      "id, userId, userPrincipalName, deviceName, operatingSystem, managementState,"
          + " complianceState, managedDeviceOwnerType";

  private static DeviceFilter eq(DeviceProperty property, String value) {
    return new Comparison(property, Operator.EQ, value);
  }

  private static DeviceFilter ne(DeviceProperty property, String value) {
    return new Comparison(property, Operator.NE, value);
  }

  private static DeviceFilter name(String value) {
    return eq(DeviceProperty.DEVICE_NAME, value);
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> DeviceFilterSyntax.parse(text))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message);
  }

  // ------------------------------------------------------------------ accepted forms

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "id eq 'a1'                                    | ID",
        "userId eq 'a1'                                | USER_ID",
        "userPrincipalName eq 'a1'                     | USER_PRINCIPAL_NAME",
        "deviceName eq 'a1'                            | DEVICE_NAME",
        "operatingSystem eq 'a1'                       | OPERATING_SYSTEM",
      })
  void givenEachTextProperty_whenParseEq_thenComparison(String text, DeviceProperty property) {
    assertThat(DeviceFilterSyntax.parse(text)).isEqualTo(eq(property, "a1"));
  }

  @Test
  void givenEachEnumProperty_whenParseEqAndNe_thenComparisonWithGraphName() {
    assertThat(DeviceFilterSyntax.parse("managementState eq 'retirePending'"))
        .isEqualTo(eq(DeviceProperty.MANAGEMENT_STATE, "retirePending"));
    assertThat(DeviceFilterSyntax.parse("complianceState ne 'noncompliant'"))
        .isEqualTo(ne(DeviceProperty.COMPLIANCE_STATE, "noncompliant"));
    assertThat(DeviceFilterSyntax.parse("managedDeviceOwnerType eq 'company'"))
        .isEqualTo(eq(DeviceProperty.MANAGED_DEVICE_OWNER_TYPE, "company"));
  }

  @Test
  void givenEnumValueInOtherCase_whenParse_thenHeldAsGraphSpellsIt() {
    assertThat(DeviceFilterSyntax.parse("complianceState eq 'INGRACEPERIOD'"))
        .isEqualTo(eq(DeviceProperty.COMPLIANCE_STATE, "inGracePeriod"));
  }

  @Test
  void givenQualifiedEnumLiteral_whenParse_thenComparison() {
    assertThat(
            DeviceFilterSyntax.parse(
                "managementState eq microsoft.graph.managementState'retirePending'"))
        .isEqualTo(eq(DeviceProperty.MANAGEMENT_STATE, "retirePending"));
  }

  @Test
  void givenNe_whenParse_thenNotEqualComparison() {
    assertThat(DeviceFilterSyntax.parse("deviceName ne 'x'"))
        .isEqualTo(ne(DeviceProperty.DEVICE_NAME, "x"));
  }

  @Test
  void givenStartsWith_whenParse_thenStartsWithOnAnyTextProperty() {
    assertThat(DeviceFilterSyntax.parse("startswith(deviceName,'LAPTOP')"))
        .isEqualTo(new StartsWith(DeviceProperty.DEVICE_NAME, "LAPTOP"));
    assertThat(DeviceFilterSyntax.parse("startswith(userPrincipalName,'adele')"))
        .isEqualTo(new StartsWith(DeviceProperty.USER_PRINCIPAL_NAME, "adele"));
  }

  @Test
  void givenNamesKeywordsAndFunctionInAnyCase_whenParse_thenSameAsCanonical() {
    assertThat(
            DeviceFilterSyntax.parse(
                "DEVICENAME EQ 'a' AND StartsWith(OperatingSystem,'Win') OR userid Ne 'b'"))
        .isEqualTo(
            DeviceFilterSyntax.parse(
                "deviceName eq 'a' and startswith(operatingSystem,'Win') or userId ne 'b'"));
  }

  @Test
  void givenDoubledQuote_whenParse_thenOneQuoteInValue() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'O''Brien'''")).isEqualTo(name("O'Brien'"));
    assertThat(DeviceFilterSyntax.parse("deviceName eq ''''")).isEqualTo(name("'"));
    assertThat(DeviceFilterSyntax.parse("deviceName eq ''")).isEqualTo(name(""));
  }

  @Test
  void givenOperatorsParenthesesAndCommasInsideLiteral_whenParse_thenPartOfValue() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a and (b or c), d eq ''e'''"))
        .isEqualTo(name("a and (b or c), d eq 'e'"));
  }

  @Test
  void givenUnicodeLiteral_whenParse_thenValueKept() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'Zoë 🚀 日本'")).isEqualTo(name("Zoë 🚀 日本"));
  }

  @Test
  void givenAndOr_whenParse_thenAndBindsTighterThanOr() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a' or deviceName eq 'b' and id eq 'c'"))
        .isEqualTo(or(name("a"), and(name("b"), eq(DeviceProperty.ID, "c"))));
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a' and deviceName eq 'b' or id eq 'c'"))
        .isEqualTo(or(and(name("a"), name("b")), eq(DeviceProperty.ID, "c")));
  }

  @Test
  void givenChains_whenParse_thenLeftAssociative() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a' and deviceName eq 'b' and id eq 'c'"))
        .isEqualTo(and(and(name("a"), name("b")), eq(DeviceProperty.ID, "c")));
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a' or deviceName eq 'b' or id eq 'c'"))
        .isEqualTo(or(or(name("a"), name("b")), eq(DeviceProperty.ID, "c")));
  }

  @Test
  void givenParentheses_whenParse_thenGroupKept() {
    assertThat(DeviceFilterSyntax.parse("deviceName eq 'a' and (deviceName eq 'b' or id eq 'c')"))
        .isEqualTo(and(name("a"), or(name("b"), eq(DeviceProperty.ID, "c"))));
    assertThat(DeviceFilterSyntax.parse("((deviceName eq 'a'))")).isEqualTo(name("a"));
  }

  @Test
  void givenExtraBlankSpace_whenParse_thenIgnored() {
    assertThat(
            DeviceFilterSyntax.parse(
                "  ( deviceName   eq\t'a'  or startswith( deviceName , 'b' ) )  and  id ne 'c' "))
        .isEqualTo(
            and(
                or(name("a"), new StartsWith(DeviceProperty.DEVICE_NAME, "b")),
                ne(DeviceProperty.ID, "c")));
  }

  @Test
  void givenHundredNestedParentheses_whenParse_thenAccepted() {
    String text = "(".repeat(100) + "deviceName eq 'a'" + ")".repeat(100);

    assertThat(DeviceFilterSyntax.parse(text)).isEqualTo(name("a"));
  }

  @Test
  void givenTextOfMaximumLength_whenParse_thenAccepted() {
    String value = "x".repeat(DeviceFilterSyntax.MAX_LENGTH - "deviceName eq ''".length());

    assertThat(DeviceFilterSyntax.parse("deviceName eq '" + value + "'")).isEqualTo(name(value));
  }

  // ------------------------------------------------------------------ printing

  @Test
  void givenComparisons_whenPrint_thenCanonicalText() {
    assertThat(DeviceFilterSyntax.print(name("a'b"))).isEqualTo("deviceName eq 'a''b'");
    assertThat(DeviceFilterSyntax.print(ne(DeviceProperty.COMPLIANCE_STATE, "NONCOMPLIANT")))
        .isEqualTo("complianceState ne 'noncompliant'");
    assertThat(DeviceFilterSyntax.print(new StartsWith(DeviceProperty.DEVICE_NAME, "x")))
        .isEqualTo("startswith(deviceName,'x')");
  }

  @Test
  void givenTrees_whenPrint_thenParenthesesOnlyWhereNeeded() {
    DeviceFilter a = name("a");
    DeviceFilter b = name("b");
    DeviceFilter c = name("c");

    assertThat(DeviceFilterSyntax.print(and(a, or(b, c))))
        .isEqualTo("deviceName eq 'a' and (deviceName eq 'b' or deviceName eq 'c')");
    assertThat(DeviceFilterSyntax.print(and(or(a, b), c)))
        .isEqualTo("(deviceName eq 'a' or deviceName eq 'b') and deviceName eq 'c'");
    assertThat(DeviceFilterSyntax.print(and(a, and(b, c))))
        .isEqualTo("deviceName eq 'a' and (deviceName eq 'b' and deviceName eq 'c')");
    assertThat(DeviceFilterSyntax.print(and(and(a, b), c)))
        .isEqualTo("deviceName eq 'a' and deviceName eq 'b' and deviceName eq 'c'");
    assertThat(DeviceFilterSyntax.print(or(a, and(b, c))))
        .isEqualTo("deviceName eq 'a' or deviceName eq 'b' and deviceName eq 'c'");
    assertThat(DeviceFilterSyntax.print(or(and(a, b), c)))
        .isEqualTo("deviceName eq 'a' and deviceName eq 'b' or deviceName eq 'c'");
    assertThat(DeviceFilterSyntax.print(or(a, or(b, c))))
        .isEqualTo("deviceName eq 'a' or (deviceName eq 'b' or deviceName eq 'c')");
    assertThat(DeviceFilterSyntax.print(or(or(a, b), c)))
        .isEqualTo("deviceName eq 'a' or deviceName eq 'b' or deviceName eq 'c'");
  }

  @Test
  void givenRightNestedTree_whenPrintAndParse_thenSameTree() {
    DeviceFilter tree = and(name("a"), and(name("b"), or(name("c"), name("d"))));

    assertThat(DeviceFilterSyntax.parse(DeviceFilterSyntax.print(tree))).isEqualTo(tree);
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void givenUnknownProperty_whenParse_thenCouldNotFindProperty() {
    assertRefused(
        "foo eq 'x'",
        "Could not find a property named 'foo' on type 'microsoft.graph.managedDevice'.");
    assertRefused(
        "startswith(foo,'x')",
        "Could not find a property named 'foo' on type 'microsoft.graph.managedDevice'.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "osVersion eq '17'        | osVersion",
        "LASTSYNCDATETIME eq 'x'  | lastSyncDateTime",
        "serialNumber ne 'x'      | serialNumber",
        "startswith(model,'x')    | model",
      })
  void givenManagedDevicePropertyNotFilterable_whenParse_thenNotSupportedListingSupported(
      String text, String property) {
    assertRefused(
        text,
        "The property '%s' is not supported in $filter. Properties supported in $filter: %s."
            .formatted(property, SUPPORTED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"endswith", "contains", "tolower", "EndsWith"})
  void givenODataFunctionOtherThanStartsWith_whenParse_thenNotSupportedNamingStartsWith(
      String function) {
    assertRefused(
        function + "(deviceName,'x')",
        "The function '%s' is not supported in $filter. The only function supported in $filter is startswith(property,'prefix')."
            .formatted(function));
  }

  @Test
  void givenUnknownFunction_whenParse_thenUnknownFunction() {
    assertRefused(
        "frobnicate(deviceName)",
        "An unknown function with name 'frobnicate' was found. The only function supported in $filter is startswith(property,'prefix').");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gt", "lt", "ge", "le", "has", "GT"})
  void givenUnsupportedComparisonOperator_whenParse_thenOnlyEqAndNeSupported(String operator) {
    assertRefused(
        "deviceName " + operator + " 'x'",
        "The operator '%s' is not supported in $filter; only eq and ne are supported, joined by and, or."
            .formatted(operator.toLowerCase(java.util.Locale.ROOT)));
  }

  @Test
  void givenNot_whenParse_thenOperatorNotSupported() {
    assertRefused(
        "not startswith(deviceName,'x')",
        "The operator 'not' is not supported in $filter; only eq and ne are supported, joined by and, or.");
  }

  @Test
  void givenIn_whenParse_thenOperatorNotSupportedWithRewrite() {
    assertRefused(
        "deviceName in ('a','b')",
        "The operator 'in' is not supported in $filter; only eq and ne are supported, joined by and, or."
            + " Write property in ('a','b') as property eq 'a' or property eq 'b'.");
  }

  @Test
  void givenValueNotInEnumeration_whenParse_thenNotValidEnumerationConstantListingValues() {
    assertRefused(
        "complianceState eq 'bogus'",
        "The string 'bogus' is not a valid enumeration type constant. complianceState is one of:"
            + " unknown, compliant, noncompliant, conflict, error, inGracePeriod, configManager.");
    assertRefused(
        "managedDeviceOwnerType ne ''",
        "The string '' is not a valid enumeration type constant. managedDeviceOwnerType is one of:"
            + " unknown, company, personal, unknownFutureValue.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "deviceName eq 5         | 14 | '5'",
        "deviceName eq true      | 14 | 'true'",
        "deviceName eq -1.5      | 14 | '-1.5'",
        "deviceName eq userId    | 14 | 'userId'",
        "deviceName eq x'y'      | 14 | 'x'",
      })
  void givenNonStringLiteral_whenParse_thenSingleQuotedStringExpected(
      String text, int position, String found) {
    assertRefused(
        text,
        "Syntax error at position %d in '%s'. A single-quoted string is expected after 'eq', for example deviceName eq 'value'; found %s."
            .formatted(position, text, found));
  }

  @Test
  void givenNullLiteral_whenParse_thenSingleQuotedStringExpectedWithHint() {
    assertRefused(
        "deviceName ne null",
        "Syntax error at position 14 in 'deviceName ne null'. A single-quoted string is expected after 'ne', for example deviceName eq 'value'; found 'null' (an unset text property equals '').");
  }

  @Test
  void givenNonStringLiteralForEnum_whenParse_thenSingleQuotedStringExpectedListingValues() {
    assertRefused(
        "managedDeviceOwnerType eq 1",
        "Syntax error at position 26 in 'managedDeviceOwnerType eq 1'. A single-quoted string is expected after 'eq', for example managedDeviceOwnerType eq 'unknown' (one of: unknown, company, personal, unknownFutureValue); found '1'.");
  }

  @Test
  void givenUnterminatedString_whenParse_thenSyntaxErrorAtItsQuote() {
    assertRefused(
        "deviceName eq 'O''Brien",
        "Syntax error at position 14 in 'deviceName eq 'O''Brien'. The string literal that starts there has no closing quote (a quote inside a string is written as two: 'O''Brien').");
  }

  @Test
  void givenMissingClosingParenthesis_whenParse_thenSyntaxErrorNamingTheOpening() {
    assertRefused(
        "id eq 'a' and (deviceName eq 'x'",
        "Syntax error at position 32 in 'id eq 'a' and (deviceName eq 'x''. The '(' at position 14 has no closing ')'.");
  }

  @Test
  void givenExtraClosingParenthesis_whenParse_thenSyntaxError() {
    assertRefused(
        "deviceName eq 'x')",
        "Syntax error at position 17 in 'deviceName eq 'x')'. This ')' closes no '('.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"                                  | 0  | the end of the filter",
        "\"   \"                               | 3  | the end of the filter",
        "()                                  | 1  | ')'",
        "deviceName eq 'a' and               | 21 | the end of the filter",
        "deviceName eq 'a' or or id eq 'b'   | 21 | 'or'",
        "and deviceName eq 'a'               | 0  | 'and'",
        "deviceName= 'a'                     | 0  | 'deviceName='",
        ",                                   | 0  | ','",
      })
  void givenMissingCondition_whenParse_thenSyntaxErrorExpectingCondition(
      String text, int position, String found) {
    assertRefused(
        text,
        "Syntax error at position %d in '%s'. Expected a condition such as deviceName eq 'value', found %s."
            .formatted(position, text, found));
  }

  @Test
  void givenLiteralFirst_whenParse_thenSyntaxErrorSayingPropertyComesFirst() {
    assertRefused(
        "'x' eq deviceName",
        "Syntax error at position 0 in ''x' eq deviceName'. Expected a condition such as deviceName eq 'value', found the string 'x'; the property name comes first.");
  }

  @Test
  void givenMissingOperator_whenParse_thenSyntaxErrorExpectingEqOrNe() {
    assertRefused(
        "deviceName",
        "Syntax error at position 10 in 'deviceName'. Expected 'eq' or 'ne' after 'deviceName', found the end of the filter.");
    assertRefused(
        "deviceName = 'x'",
        "Syntax error at position 11 in 'deviceName = 'x''. Expected 'eq' or 'ne' after 'deviceName', found '='.");
  }

  @Test
  void givenMissingValue_whenParse_thenSyntaxErrorExpectingString() {
    assertRefused(
        "deviceName eq ",
        "Syntax error at position 14 in 'deviceName eq '. A single-quoted string is expected after 'eq', for example deviceName eq 'value'; found the end of the filter.");
  }

  @Test
  void givenTwoConditionsWithoutConnective_whenParse_thenSyntaxErrorExpectingAndOr() {
    assertRefused(
        "deviceName eq 'x' id eq 'y'",
        "Syntax error at position 18 in 'deviceName eq 'x' id eq 'y''. Expected 'and', 'or' or the end of the filter, found 'id'.");
    assertRefused(
        "(deviceName eq 'x' 'y')",
        "Syntax error at position 19 in '(deviceName eq 'x' 'y')'. Expected 'and', 'or' or ')', found the string 'y'.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "deviceName eq'x'                          | 11 | eq",
        "deviceName EQ'x'                          | 11 | eq",
        "(deviceName eq 'x')and id eq 'y'          | 19 | and",
        "deviceName eq 'x' or(id eq 'y')           | 18 | or",
      })
  void givenOperatorWithoutSpace_whenParse_thenSyntaxErrorAskingForSpaces(
      String text, int position, String keyword) {
    assertRefused(
        text,
        "Syntax error at position %d in '%s'. Put a space before and after '%s'."
            .formatted(position, text, keyword));
  }

  @Test
  void givenStartsWithOnEnumeration_whenParse_thenNoMatchingSignatureListingTextProperties() {
    assertRefused(
        "startswith(complianceState,'non')",
        "No function signature for the function with name 'startswith' matches the specified arguments: complianceState is not a text property. startswith takes one of: id, userId, userPrincipalName, deviceName, operatingSystem.");
  }

  @Test
  void givenMalformedStartsWith_whenParse_thenSyntaxErrorSayingWhatIsExpected() {
    assertRefused(
        "startswith deviceName",
        "Syntax error at position 11 in 'startswith deviceName'. Expected '(' after 'startswith', found 'deviceName'.");
    assertRefused(
        "startswith('x',deviceName)",
        "Syntax error at position 11 in 'startswith('x',deviceName)'. Expected a property name as the first argument of startswith, found the string 'x'.");
    assertRefused(
        "startswith(deviceName)",
        "Syntax error at position 21 in 'startswith(deviceName)'. Expected ',' after startswith(deviceName, found ')'.");
    assertRefused(
        "startswith(deviceName,x)",
        "Syntax error at position 22 in 'startswith(deviceName,x)'. A single-quoted string is expected as the second argument of startswith, for example startswith(deviceName,'prefix'); found 'x'.");
    assertRefused(
        "startswith(deviceName,'x','y')",
        "Syntax error at position 25 in 'startswith(deviceName,'x','y')'. Expected ')' to close startswith(deviceName,...), found ','.");
  }

  @Test
  void givenStartsWithComparedToTrue_whenParse_thenSyntaxErrorSayingItIsACondition() {
    assertRefused(
        "startswith(deviceName,'x') eq true",
        "Syntax error at position 27 in 'startswith(deviceName,'x') eq true'. startswith(...) is a condition by itself; write it without 'eq ...'.");
  }

  @Test
  void givenTooDeepNesting_whenParse_thenRefusedWithoutOverflow() {
    String text = "(".repeat(101) + "deviceName eq 'a'" + ")".repeat(101);

    assertRefused(
        text, "The $filter nests parentheses more than 100 levels deep (at position 100).");
  }

  @Test
  void givenOnlyOpeningParentheses_whenParse_thenRefusedWithoutOverflow() {
    assertRefused(
        "(".repeat(DeviceFilterSyntax.MAX_LENGTH),
        "The $filter nests parentheses more than 100 levels deep (at position 100).");
  }

  @Test
  void givenTooLongText_whenParse_thenRefusedNamingTheLimit() {
    String text = "deviceName eq '" + "x".repeat(DeviceFilterSyntax.MAX_LENGTH) + "'";

    assertRefused(
        text,
        "The $filter is %d characters long; at most 4000 are supported.".formatted(text.length()));
  }

  @Test
  void givenLongUnexpectedWord_whenParse_thenShownShortened() {
    String word = "y".repeat(60);

    assertRefused(
        "deviceName eq 'x' " + word,
        "Syntax error at position 18 in 'deviceName eq 'x' %s'. Expected 'and', 'or' or the end of the filter, found '%s...'."
            .formatted(word, "y".repeat(50)));
  }
}
