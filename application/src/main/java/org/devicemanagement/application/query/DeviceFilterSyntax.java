package org.devicemanagement.application.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.FilterLexer.Kind;
import org.devicemanagement.application.query.FilterLexer.Token;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.GraphEnum;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;

/**
 * Reads and writes {@link DeviceFilter}s in Graph's {@code $filter} text: {@code property eq
 * 'value'}, {@code property ne 'value'}, {@code startswith(property,'prefix')}, joined by {@code
 * and} (binding tighter) and {@code or}, with parentheses. Names, functions and keywords compare
 * ignoring case; string literals are single-quoted with {@code ''} for a quote.
 */
public final class DeviceFilterSyntax {

  /** The longest {@code $filter} text read, in characters. */
  public static final int MAX_LENGTH = FilterParser.MAX_LENGTH;

  /** The deepest nesting of parentheses read. */
  public static final int MAX_DEPTH = FilterParser.MAX_DEPTH;

  private static final String ENTITY_TYPE = "microsoft.graph.managedDevice";
  private static final String ENUM_TYPE_PREFIX = "microsoft.graph.";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern FUNCTION_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  /** Other v1.0 managedDevice properties (and navigations), named so that refusals can say so. */
  private static final Map<String, String> OTHER_PROPERTIES =
      Arrays.stream(
              ("activationLockBypassCode androidSecurityPatchLevel azureADDeviceId "
                      + "azureADRegistered complianceGracePeriodExpirationDateTime "
                      + "configurationManagerClientEnabledFeatures deviceActionResults "
                      + "deviceCategory deviceCategoryDisplayName deviceCompliancePolicyStates "
                      + "deviceConfigurationStates deviceEnrollmentType "
                      + "deviceHealthAttestationState deviceRegistrationState easActivated "
                      + "easActivationDateTime easDeviceId emailAddress enrolledDateTime "
                      + "enrollmentProfileName ethernetMacAddress exchangeAccessState "
                      + "exchangeAccessStateReason exchangeLastSuccessfulSyncDateTime "
                      + "freeStorageSpaceInBytes iccid imei isEncrypted isSupervised jailBroken "
                      + "lastSyncDateTime logCollectionRequests managedDeviceName "
                      + "managementAgent managementCertificateExpirationDate manufacturer meid "
                      + "model notes osVersion partnerReportedThreatState phoneNumber "
                      + "physicalMemoryInBytes remoteAssistanceSessionErrorDetails "
                      + "remoteAssistanceSessionUrl requireUserEnrollmentApproval serialNumber "
                      + "subscriberCarrier totalStorageSpaceInBytes udid userDisplayName users "
                      + "wiFiMacAddress windowsProtectionState")
                  .split(" ", -1))
          .collect(Collectors.toUnmodifiableMap(DeviceFilterSyntax::key, Function.identity()));

  /** OData's built-in functions other than {@code startswith}. */
  private static final Set<String> ODATA_FUNCTIONS =
      Set.of(
          ("contains endswith indexof length substring tolower toupper trim concat "
                  + "year month day hour minute second fractionalseconds totalseconds date time "
                  + "totaloffsetminutes now mindatetime maxdatetime round floor ceiling cast "
                  + "isof geo.distance geo.intersects geo.length hassubset hassubsequence "
                  + "matchespattern any all")
              .split(" ", -1));

  /** OData's operators other than {@code eq}, {@code ne}, {@code and} and {@code or}. */
  private static final Set<String> OTHER_OPERATORS =
      Set.of("gt ge lt le has in not add sub mul div divby mod".split(" ", -1));

  private static final String SUPPORTED_OPERATORS =
      "only eq and ne are supported, joined by and, or.";
  private static final String SUPPORTED_FUNCTIONS =
      "The only function supported in $filter is startswith(property,'prefix').";
  private static final String A_CONDITION = "a condition such as deviceName eq 'value'";

  private DeviceFilterSyntax() {}

  /**
   * The filter {@code text} spells.
   *
   * @throws InvalidRequestException naming what is wrong when the text is not a filter this product
   *     supports
   */
  public static DeviceFilter parse(String text) {
    return new Parser(Objects.requireNonNull(text, "text")).filter();
  }

  /**
   * {@code filter} as {@code $filter} text that {@link #parse} reads back to an equal filter (when
   * the text stays within {@link #MAX_LENGTH} and {@link #MAX_DEPTH}): canonical names and
   * keywords, one space around operators, parentheses only where the tree needs them.
   */
  public static String print(DeviceFilter filter) {
    Objects.requireNonNull(filter, "filter");
    StringBuilder out = new StringBuilder();
    write(filter, out);
    return out.toString();
  }

  private static void write(DeviceFilter filter, StringBuilder out) {
    if (filter instanceof DeviceFilter.Comparison comparison) {
      out.append(comparison.property().graphName())
          .append(' ')
          .append(comparison.operator().keyword())
          .append(' ');
      quote(comparison.value(), out);
    } else if (filter instanceof DeviceFilter.StartsWith startsWith) {
      out.append("startswith(").append(startsWith.property().graphName()).append(',');
      quote(startsWith.prefix(), out);
      out.append(')');
    } else if (filter instanceof DeviceFilter.And and) {
      // "and" is left associative and binds tighter than "or": an "or" on either side and an
      // "and" on the right need parentheses to keep the tree.
      operand(and.left(), and.left() instanceof DeviceFilter.Or, out);
      out.append(" and ");
      operand(and.right(), !isAtom(and.right()), out);
    } else if (filter instanceof DeviceFilter.Or or) {
      write(or.left(), out);
      out.append(" or ");
      operand(or.right(), or.right() instanceof DeviceFilter.Or, out);
    } else {
      throw new IllegalStateException("unknown filter " + filter);
    }
  }

  private static boolean isAtom(DeviceFilter filter) {
    return filter instanceof DeviceFilter.Comparison || filter instanceof DeviceFilter.StartsWith;
  }

  private static void operand(DeviceFilter filter, boolean parenthesize, StringBuilder out) {
    if (parenthesize) {
      out.append('(');
      write(filter, out);
      out.append(')');
    } else {
      write(filter, out);
    }
  }

  private static void quote(String value, StringBuilder out) {
    out.append('\'').append(value.replace("'", "''")).append('\'');
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String names(List<DeviceProperty> properties) {
    return properties.stream().map(DeviceProperty::graphName).collect(Collectors.joining(", "));
  }

  private static String filterableNames() {
    return names(
        Arrays.stream(DeviceProperty.values()).filter(DeviceProperty::filterable).toList());
  }

  private static String textNames() {
    return names(
        Arrays.stream(DeviceProperty.values())
            .filter(p -> p.kind() == DeviceProperty.Kind.TEXT)
            .toList());
  }

  private static String enumNames(DeviceProperty property) {
    return Arrays.stream(enumConstants(property))
        .map(GraphEnum::graphName)
        .collect(Collectors.joining(", "));
  }

  private static GraphEnum[] enumConstants(DeviceProperty property) {
    return switch (property) {
      case MANAGEMENT_STATE -> ManagementState.values();
      case COMPLIANCE_STATE -> ComplianceState.values();
      case MANAGED_DEVICE_OWNER_TYPE -> ManagedDeviceOwnerType.values();
      case ID, USER_ID, USER_PRINCIPAL_NAME, DEVICE_NAME, OPERATING_SYSTEM, LAST_SYNC_DATE_TIME ->
          new GraphEnum[0];
    };
  }

  /** A recursive-descent reader of one {@code $filter} text; nesting is bounded by depth. */
  private static final class Parser extends FilterParser<DeviceFilter> {

    Parser(String text) {
      super(text, A_CONDITION);
    }

    @Override
    protected DeviceFilter both(DeviceFilter left, DeviceFilter right) {
      return DeviceFilter.and(left, right);
    }

    @Override
    protected DeviceFilter either(DeviceFilter left, DeviceFilter right) {
      return DeviceFilter.or(left, right);
    }

    @Override
    protected DeviceFilter condition(Token word) {
      String name = word.text();
      if (isKeyword(word)) {
        throw syntax(word, "Expected %s, found '%s'.".formatted(A_CONDITION, name));
      }
      if (word.isWord("not")) {
        throw unsupportedOperator(word);
      }
      if (peek().kind() == Kind.OPEN && FUNCTION_NAME.matcher(name).matches()) {
        return function(word);
      }
      if (word.isWord("startswith")) {
        throw syntax(peek(), "Expected '(' after '%s', found %s.".formatted(name, found(peek())));
      }
      DeviceProperty property = property(word);
      Token operator = take();
      DeviceFilter.Operator comparison;
      if (operator.isWord("eq")) {
        comparison = DeviceFilter.Operator.EQ;
      } else if (operator.isWord("ne")) {
        comparison = DeviceFilter.Operator.NE;
      } else if (operator.kind() == Kind.WORD && OTHER_OPERATORS.contains(key(operator.text()))) {
        throw unsupportedOperator(operator);
      } else {
        throw syntax(
            operator,
            "Expected 'eq' or 'ne' after '%s', found %s."
                .formatted(property.graphName(), found(operator)));
      }
      keyword(operator);
      return new DeviceFilter.Comparison(property, comparison, value(property, operator));
    }

    private String value(DeviceProperty property, Token operator) {
      Token literal = take();
      String value;
      if (literal.kind() == Kind.STRING) {
        value = literal.value();
      } else if (property.kind() == DeviceProperty.Kind.ENUM
          && literal.isWord(ENUM_TYPE_PREFIX + property.graphName())
          && peek().kind() == Kind.STRING
          && !peek().spaced()) {
        // OData's qualified enumeration literal: microsoft.graph.complianceState'compliant'.
        value = take().value();
      } else {
        throw syntax(
            literal,
            "A single-quoted string is expected after '%s', for example %s; found %s%s."
                .formatted(
                    operator.text(),
                    example(property),
                    found(literal),
                    literal.isWord("null") && property.kind() == DeviceProperty.Kind.TEXT
                        ? " (an unset text property equals '')"
                        : ""));
      }
      if (property.kind() != DeviceProperty.Kind.ENUM) {
        return value;
      }
      Optional<String> member = property.enumValue(value);
      if (member.isEmpty()) {
        throw new InvalidRequestException(
            "The string '%s' is not a valid enumeration type constant. %s is one of: %s."
                .formatted(shown(value), property.graphName(), enumNames(property)));
      }
      return member.get();
    }

    private DeviceFilter function(Token name) {
      if (!name.isWord("startswith")) {
        String function = name.text();
        throw new InvalidRequestException(
            ODATA_FUNCTIONS.contains(key(function))
                ? "The function '%s' is not supported in $filter. %s"
                    .formatted(function, SUPPORTED_FUNCTIONS)
                : "An unknown function with name '%s' was found. %s"
                    .formatted(shown(function), SUPPORTED_FUNCTIONS));
      }
      take();
      Token argument = take();
      if (argument.kind() != Kind.WORD) {
        throw syntax(
            argument,
            "Expected a property name as the first argument of startswith, found %s."
                .formatted(found(argument)));
      }
      DeviceProperty property = property(argument);
      if (property.kind() != DeviceProperty.Kind.TEXT) {
        throw new InvalidRequestException(
            ("No function signature for the function with name 'startswith' matches the specified"
                    + " arguments: %s is not a text property. startswith takes one of: %s.")
                .formatted(property.graphName(), textNames()));
      }
      Token comma = take();
      if (comma.kind() != Kind.COMMA) {
        throw syntax(
            comma,
            "Expected ',' after startswith(%s, found %s."
                .formatted(property.graphName(), found(comma)));
      }
      Token prefix = take();
      if (prefix.kind() != Kind.STRING) {
        throw syntax(
            prefix,
            "A single-quoted string is expected as the second argument of startswith, for example"
                + " startswith(%s,'prefix'); found %s."
                    .formatted(property.graphName(), found(prefix)));
      }
      Token close = take();
      if (close.kind() != Kind.CLOSE) {
        throw syntax(
            close,
            "Expected ')' to close startswith(%s,...), found %s."
                .formatted(property.graphName(), found(close)));
      }
      return new DeviceFilter.StartsWith(property, prefix.value());
    }

    private DeviceProperty property(Token word) {
      String name = word.text();
      if (!IDENTIFIER.matcher(name).matches()) {
        throw syntax(word, "Expected %s, found '%s'.".formatted(A_CONDITION, shown(name)));
      }
      Optional<DeviceProperty> property = DeviceProperty.find(name);
      if (property.isPresent() && property.get().filterable()) {
        return property.get();
      }
      String known =
          property.isPresent() ? property.get().graphName() : OTHER_PROPERTIES.get(key(name));
      if (known == null) {
        throw new InvalidRequestException(
            "Could not find a property named '%s' on type '%s'.".formatted(name, ENTITY_TYPE));
      }
      throw new InvalidRequestException(
          "The property '%s' is not supported in $filter. Properties supported in $filter: %s."
              .formatted(known, filterableNames()));
    }

    @Override
    protected InvalidRequestException unexpectedAfter(
        DeviceFilter condition, Token token, String orElse) {
      if (condition instanceof DeviceFilter.StartsWith
          && (token.isWord("eq") || token.isWord("ne"))) {
        return syntax(
            token,
            "startswith(...) is a condition by itself; write it without '%s ...'."
                .formatted(token.text()));
      }
      return super.unexpectedAfter(condition, token, orElse);
    }

    private InvalidRequestException unsupportedOperator(Token operator) {
      String name = key(operator.text());
      return new InvalidRequestException(
          "The operator '%s' is not supported in $filter; %s%s"
              .formatted(
                  name,
                  SUPPORTED_OPERATORS,
                  name.equals("in")
                      ? " Write property in ('a','b') as property eq 'a' or property eq 'b'."
                      : ""));
    }

    private static boolean isKeyword(Token word) {
      return word.isWord("and") || word.isWord("or") || word.isWord("eq") || word.isWord("ne");
    }

    private static String example(DeviceProperty property) {
      return property.kind() == DeviceProperty.Kind.ENUM
          ? "%s eq '%s' (one of: %s)"
              .formatted(
                  property.graphName(), enumConstants(property)[0].graphName(), enumNames(property))
          : "%s eq 'value'".formatted(property.graphName());
    }
  }
}
