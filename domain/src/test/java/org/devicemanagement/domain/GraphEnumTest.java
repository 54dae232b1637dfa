package org.devicemanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphEnumTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "managed,            0,  MANAGED",
    "retirePending,      1,  RETIRE_PENDING",
    "retireFailed,       2,  RETIRE_FAILED",
    "wipePending,        3,  WIPE_PENDING",
    "wipeFailed,         4,  WIPE_FAILED",
    "unhealthy,          5,  UNHEALTHY",
    "deletePending,      6,  DELETE_PENDING",
    "retireIssued,       7,  RETIRE_ISSUED",
    "wipeIssued,         8,  WIPE_ISSUED",
    "wipeCanceled,       9,  WIPE_CANCELED",
    "retireCanceled,     10, RETIRE_CANCELED",
    "discovered,         11, DISCOVERED",
    "unknownFutureValue, 12, UNKNOWN_FUTURE_VALUE"
  })
  void givenGraphName_whenParsingManagementState_thenConstantWithGraphValue(
      String graphName, int value, ManagementState expected) {
    ManagementState parsed = ManagementState.fromGraphName(graphName);

    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.value()).isEqualTo(value);
    assertThat(parsed.graphName()).isEqualTo(graphName);
  }

  @Test
  void givenManagementStates_whenListed_thenValuesAreZeroToTwelveInOrder() {
    assertThat(Arrays.stream(ManagementState.values()).map(ManagementState::value))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  }

  static Stream<Arguments> everyEnum() {
    return Stream.of(
        Arguments.of(
            ManagementState.class,
            List.of(
                "managed",
                "retirePending",
                "retireFailed",
                "wipePending",
                "wipeFailed",
                "unhealthy",
                "deletePending",
                "retireIssued",
                "wipeIssued",
                "wipeCanceled",
                "retireCanceled",
                "discovered",
                "unknownFutureValue")),
        Arguments.of(
            ComplianceState.class,
            List.of(
                "unknown",
                "compliant",
                "noncompliant",
                "conflict",
                "error",
                "inGracePeriod",
                "configManager")),
        Arguments.of(
            ManagedDeviceOwnerType.class,
            List.of("unknown", "company", "personal", "unknownFutureValue")),
        Arguments.of(
            ActionState.class,
            List.of("none", "pending", "canceled", "active", "done", "failed", "notSupported")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  <E extends Enum<E> & GraphEnum> void givenEnum_whenListingGraphNames_thenExactlyGraphsNames(
      Class<E> type, List<String> graphNames) {
    assertThat(Arrays.stream(type.getEnumConstants()).map(GraphEnum::graphName))
        .containsExactlyElementsOf(graphNames);
    assertThat(GraphEnum.graphNames(type)).isEqualTo(String.join(", ", graphNames));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  <E extends Enum<E> & GraphEnum> void givenEveryGraphName_whenFindAndParse_thenSameConstant(
      Class<E> type, List<String> graphNames) {
    for (String name : graphNames) {
      E parsed = GraphEnum.parse(type, name);
      assertThat(parsed.graphName()).isEqualTo(name);
      assertThat(GraphEnum.find(type, name)).contains(parsed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  <E extends Enum<E> & GraphEnum> void givenJavaConstantNameOrOtherCase_whenFind_thenAbsent(
      Class<E> type, List<String> graphNames) {
    for (E constant : type.getEnumConstants()) {
      // "UNKNOWN" vs "unknown": the Java name differs from the Graph name in case only for some
      if (!constant.name().equals(constant.graphName())) {
        assertThat(GraphEnum.find(type, constant.name())).isEmpty();
      }
      assertThat(GraphEnum.find(type, constant.graphName().toUpperCase(Locale.ROOT))).isEmpty();
      assertThat(GraphEnum.find(type, " " + constant.graphName())).isEmpty();
    }
    assertThat(graphNames).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  <E extends Enum<E> & GraphEnum> void givenUnknownName_whenParse_thenMessageListsAcceptedNames(
      Class<E> type, List<String> graphNames) {
    assertThatThrownBy(() -> GraphEnum.parse(type, "bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bogus'")
        .hasMessageContaining(type.getSimpleName())
        .hasMessageContaining(String.join(", ", graphNames));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Managed", "MANAGED", "retire_pending", "retirepending"})
  void givenNotExactName_whenParsingManagementState_thenRefused(String name) {
    assertThatThrownBy(() -> ManagementState.fromGraphName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ManagementState");
  }

  @Test
  void givenEachEnum_whenParsedByItsOwnFactory_thenSameAsGeneric() {
    assertThat(ComplianceState.fromGraphName("inGracePeriod"))
        .isEqualTo(ComplianceState.IN_GRACE_PERIOD);
    assertThat(ManagedDeviceOwnerType.fromGraphName("unknownFutureValue"))
        .isEqualTo(ManagedDeviceOwnerType.UNKNOWN_FUTURE_VALUE);
    assertThat(ActionState.fromGraphName("notSupported")).isEqualTo(ActionState.NOT_SUPPORTED);
    assertThatThrownBy(() -> ComplianceState.fromGraphName("InGracePeriod"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ManagedDeviceOwnerType.fromGraphName("Company"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActionState.fromGraphName("Pending"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNulls_whenFind_thenRefused() {
    assertThatThrownBy(() -> GraphEnum.find(ActionState.class, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> GraphEnum.find((Class<ActionState>) null, "done"))
        .isInstanceOf(NullPointerException.class);
  }
}
