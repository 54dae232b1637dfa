package org.devicemanagement.application.query;

import java.util.Objects;
import org.devicemanagement.domain.ManagedDevice;

/**
 * A {@code $filter} over managed devices, as a tree: comparisons ({@code eq}, {@code ne}), {@code
 * startswith}, joined by {@code and} and {@code or}. Text compares ignoring case; enumeration
 * values are held by their Graph names. {@link DeviceFilterSyntax} reads and writes Graph's text
 * form.
 */
public sealed interface DeviceFilter {

  /** Whether {@code device} matches the filter. */
  boolean test(ManagedDevice device);

  /** {@code left and right}. */
  static DeviceFilter and(DeviceFilter left, DeviceFilter right) {
    return new And(left, right);
  }

  /** {@code left or right}. */
  static DeviceFilter or(DeviceFilter left, DeviceFilter right) {
    return new Or(left, right);
  }

  /** A comparison operator of {@code $filter}. */
  enum Operator {
    /** Equal (ignoring case for text). */
    EQ("eq"),
    /** Not equal (ignoring case for text). */
    NE("ne");

    private final String keyword;

    Operator(String keyword) {
      this.keyword = keyword;
    }

    /** The operator as {@code $filter} writes it. */
    public String keyword() {
      return keyword;
    }
  }

  /** {@code property eq 'value'} or {@code property ne 'value'}. */
  record Comparison(DeviceProperty property, Operator operator, String value)
      implements DeviceFilter {

    /**
     * Checks that the property can be compared and, for an enumeration, that {@code value} is one
     * of its Graph names (held as Graph spells it).
     */
    public Comparison {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
      if (!property.filterable()) {
        throw new IllegalArgumentException(
            "%s cannot be compared in a filter".formatted(property.graphName()));
      }
      if (property.kind() == DeviceProperty.Kind.ENUM) {
        String given = value;
        value =
            property
                .enumValue(given)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "'%s' is not a value of %s".formatted(given, property.graphName())));
      }
    }

    @Override
    public boolean test(ManagedDevice device) {
      boolean equal = property.text(device).equalsIgnoreCase(value);
      return operator == Operator.EQ ? equal : !equal;
    }
  }

  /** {@code startswith(property,'prefix')}, ignoring case. */
  record StartsWith(DeviceProperty property, String prefix) implements DeviceFilter {

    /** Checks that the property holds text. */
    public StartsWith {
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(prefix, "prefix");
      if (property.kind() != DeviceProperty.Kind.TEXT) {
        throw new IllegalArgumentException(
            "startswith needs a text property, not %s".formatted(property.graphName()));
      }
    }

    @Override
    public boolean test(ManagedDevice device) {
      String text = property.text(device);
      return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
  }

  /** Both filters match. */
  record And(DeviceFilter left, DeviceFilter right) implements DeviceFilter {

    /** Checks that both parts are present. */
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(ManagedDevice device) {
      return left.test(device) && right.test(device);
    }
  }

  /** Either filter matches. */
  record Or(DeviceFilter left, DeviceFilter right) implements DeviceFilter {

    /** Checks that both parts are present. */
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean test(ManagedDevice device) {
      return left.test(device) || right.test(device);
    }
  }
}
