package org.devicemanagement.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration whose values have the exact names Microsoft Graph uses on the wire. */
public interface GraphEnum {

  /** The value's name as Graph writes it, for example {@code retirePending}. */
  String graphName();

  /**
   * Finds the constant of {@code type} whose Graph name is exactly {@code name}, as Graph's enums
   * are case-sensitive.
   */
  static <E extends Enum<E> & GraphEnum> Optional<E> find(Class<E> type, String name) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    for (E constant : type.getEnumConstants()) {
      if (constant.graphName().equals(name)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #find} but fails with a message listing the accepted names. */
  static <E extends Enum<E> & GraphEnum> E parse(Class<E> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'%s' is not a %s; expected one of %s"
                        .formatted(name, type.getSimpleName(), graphNames(type))));
  }

  /** The Graph names of every constant of {@code type}, comma-separated, in declaration order. */
  static <E extends Enum<E> & GraphEnum> String graphNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(GraphEnum::graphName)
        .collect(Collectors.joining(", "));
  }
}
