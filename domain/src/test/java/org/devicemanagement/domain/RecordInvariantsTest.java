package org.devicemanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.domain.DomainTestData.ADELE_ID;
import static org.devicemanagement.domain.DomainTestData.EARLIER;
import static org.devicemanagement.domain.DomainTestData.NOW;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordInvariantsTest {

  // ---- User

  @ParameterizedTest
  @ValueSource(strings = {"adele", "", "adele.contoso.com"})
  void givenUpnWithoutAt_whenCreatingUser_thenRefusedNamingUpn(String upn) {
    assertThatThrownBy(() -> new User(ADELE_ID, upn, "Adele"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'%s'".formatted(upn))
        .hasMessageContaining("@");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void givenBlankId_whenCreatingUser_thenRefused(String id) {
    assertThatThrownBy(() -> new User(id, "a@contoso.com", "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @Test
  void givenNullParts_whenCreatingUser_thenRefusedNamingPart() {
    assertThatThrownBy(() -> new User(null, "a@contoso.com", "A"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> new User(ADELE_ID, null, "A"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("userPrincipalName");
    assertThatThrownBy(() -> new User(ADELE_ID, "a@contoso.com", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("displayName");
  }

  @Test
  void givenEmptyDisplayName_whenCreatingUser_thenAccepted() {
    assertThat(new User(ADELE_ID, "a@contoso.com", "").displayName()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AdeleV@contoso.onmicrosoft.com",
        "adelev@contoso.onmicrosoft.com",
        "ADELEV@CONTOSO.ONMICROSOFT.COM",
        "aDeLeV@CoNtOsO.oNmIcRoSoFt.CoM"
      })
  void givenUpnInAnyCase_whenMatchingUser_thenMatches(String candidate) {
    assertThat(DomainTestData.adele().hasUserPrincipalName(candidate)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AlexW@contoso.onmicrosoft.com", "AdeleV@contoso.com", "AdeleV", ""})
  void givenOtherUpn_whenMatchingUser_thenNoMatch(String candidate) {
    assertThat(DomainTestData.adele().hasUserPrincipalName(candidate)).isFalse();
  }

  @Test
  void givenIdInOtherCase_whenMatchingUser_thenMatchesOnlySameId() {
    User adele = DomainTestData.adele();

    assertThat(adele.hasId(ADELE_ID.toUpperCase(Locale.ROOT))).isTrue();
    assertThat(adele.hasId(ADELE_ID)).isTrue();
    assertThat(adele.hasId(DomainTestData.ALEX_ID)).isFalse();
  }

  // ---- ManagedDevice

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a/b", "/", "../x"})
  void givenBlankOrSlashedId_whenCreatingDevice_thenRefused(String id) {
    assertThatThrownBy(() -> ManagedDevice.builder(id, ADELE_ID).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
  }

  @Test
  void givenSlashedId_whenCreatingDevice_thenMessageNamesId() {
    assertThatThrownBy(() -> ManagedDevice.builder("a/b", ADELE_ID).build())
        .hasMessageContaining("'a/b'");
  }

  static Stream<Arguments> nullDeviceProperties() {
    return Stream.of(
        nulled("userPrincipalName", b -> b.userPrincipalName(null)),
        nulled("deviceName", b -> b.deviceName(null)),
        nulled("operatingSystem", b -> b.operatingSystem(null)),
        nulled("osVersion", b -> b.osVersion(null)),
        nulled("managementState", b -> b.managementState(null)),
        nulled("complianceState", b -> b.complianceState(null)),
        nulled("managedDeviceOwnerType", b -> b.managedDeviceOwnerType(null)),
        nulled("enrolledDateTime", b -> b.enrolledDateTime(null)),
        nulled("lastSyncDateTime", b -> b.lastSyncDateTime(null)),
        nulled("serialNumber", b -> b.serialNumber(null)),
        nulled("azureADDeviceId", b -> b.azureADDeviceId(null)),
        nulled("model", b -> b.model(null)),
        nulled("manufacturer", b -> b.manufacturer(null)));
  }

  private static Arguments nulled(String property, UnaryOperator<ManagedDevice.Builder> change) {
    return Arguments.of(property, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullDeviceProperties")
  void givenNullProperty_whenCreatingDevice_thenRefusedNamingProperty(
      String property, UnaryOperator<ManagedDevice.Builder> change) {
    ManagedDevice.Builder builder =
        DomainTestData.device("d1", ManagementState.MANAGED).toBuilder();

    assertThatThrownBy(() -> change.apply(builder).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage(property);
  }

  @Test
  void givenNullIdOrUserOrResults_whenCreatingDevice_thenRefused() {
    assertThatThrownBy(() -> ManagedDevice.builder(null, ADELE_ID).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ManagedDevice.builder("d1", null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> ManagedDevice.builder("d1", ADELE_ID).deviceActionResults(null).build())
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenOnlyIdAndUser_whenBuildingDevice_thenGraphUnsetDefaults() {
    ManagedDevice device = ManagedDevice.builder("d1", "").build();

    assertThat(device.userId()).isEmpty();
    assertThat(device.deviceName()).isEmpty();
    assertThat(device.managementState()).isEqualTo(ManagementState.MANAGED);
    assertThat(device.complianceState()).isEqualTo(ComplianceState.UNKNOWN);
    assertThat(device.managedDeviceOwnerType()).isEqualTo(ManagedDeviceOwnerType.UNKNOWN);
    assertThat(device.enrolledDateTime()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(device.lastSyncDateTime()).isEqualTo(ManagedDevice.UNSET_DATE_TIME);
    assertThat(device.deviceActionResults()).isEmpty();
  }

  @Test
  void givenMutableResultList_whenDeviceBuilt_thenDeviceKeepsItsOwnImmutableCopy() {
    List<DeviceActionResult> results = new ArrayList<>(List.of(DomainTestData.syncDone()));
    ManagedDevice device =
        ManagedDevice.builder("d1", ADELE_ID).deviceActionResults(results).build();

    results.clear();

    assertThat(device.deviceActionResults()).hasSize(1);
    assertThatThrownBy(() -> device.deviceActionResults().add(DomainTestData.syncDone()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenDevice_whenCheckingOwner_thenComparesUserIdIgnoringCaseAndNeverMatchesUnassigned() {
    ManagedDevice device = DomainTestData.device("d1", ManagementState.MANAGED);
    ManagedDevice unassigned = ManagedDevice.builder("d2", "").build();

    assertThat(device.belongsTo(ADELE_ID.toUpperCase(Locale.ROOT))).isTrue();
    assertThat(device.belongsTo(DomainTestData.ALEX_ID)).isFalse();
    assertThat(unassigned.belongsTo("")).isFalse();
  }

  @Test
  void givenDevice_whenToBuilderAndBuild_thenEqualCopy() {
    ManagedDevice device = DomainTestData.device("d1", ManagementState.WIPE_FAILED);

    assertThat(device.toBuilder().build()).isEqualTo(device);
  }

  // ---- DeviceActionResult

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void givenBlankActionName_whenCreatingResult_thenRefused(String name) {
    assertThatThrownBy(() -> new DeviceActionResult(name, ActionState.DONE, NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actionName");
  }

  @Test
  void givenNullParts_whenCreatingResult_thenRefusedNamingPart() {
    assertThatThrownBy(() -> new DeviceActionResult(null, ActionState.DONE, NOW, NOW))
        .hasMessage("actionName");
    assertThatThrownBy(() -> new DeviceActionResult("retire", null, NOW, NOW))
        .hasMessage("actionState");
    assertThatThrownBy(() -> new DeviceActionResult("retire", ActionState.DONE, null, NOW))
        .hasMessage("startDateTime");
    assertThatThrownBy(() -> new DeviceActionResult("retire", ActionState.DONE, NOW, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("lastUpdatedDateTime");
  }

  @Test
  void givenRetirePending_whenCreated_thenPendingRetireDatedAtInstant() {
    DeviceActionResult result = DeviceActionResult.retirePending(NOW);

    assertThat(result).isEqualTo(new DeviceActionResult("retire", ActionState.PENDING, NOW, NOW));
    assertThat(DeviceActionResult.RETIRE).isEqualTo("retire");
    assertThat(result.isFor("RETIRE")).isTrue();
    assertThat(result.isFor("wipe")).isFalse();
  }

  // ---- DeviceTransition and RetireAllOutcome

  @Test
  void givenDifferentDevices_whenCreatingTransition_thenRefusedNamingBoth() {
    ManagedDevice a = DomainTestData.device("a", ManagementState.MANAGED);
    ManagedDevice b = DomainTestData.device("b", ManagementState.MANAGED);

    assertThatThrownBy(() -> new DeviceTransition(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a")
        .hasMessageContaining("b");
    assertThatThrownBy(() -> new DeviceTransition(null, b))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DeviceTransition(a, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenSameDevice_whenTransition_thenUnchangedAndStatesReported() {
    ManagedDevice before = DomainTestData.device("a", ManagementState.WIPE_FAILED);
    ManagedDevice after =
        before.withAction(ManagementState.RETIRE_PENDING, DeviceActionResult.retirePending(NOW));

    DeviceTransition same = new DeviceTransition(before, before.toBuilder().build());
    DeviceTransition moved = new DeviceTransition(before, after);

    assertThat(same.changed()).isFalse();
    assertThat(moved.changed()).isTrue();
    assertThat(moved.deviceId()).isEqualTo("a");
    assertThat(moved.stateBefore()).isEqualTo(ManagementState.WIPE_FAILED);
    assertThat(moved.stateAfter()).isEqualTo(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenOnlyActionResultDiffers_whenTransition_thenChanged() {
    ManagedDevice before = DomainTestData.device("a", ManagementState.RETIRE_PENDING);
    ManagedDevice after =
        before.withAction(ManagementState.RETIRE_PENDING, DeviceActionResult.retirePending(NOW));

    assertThat(new DeviceTransition(before, after).changed()).isTrue();
  }

  @Test
  void givenOutcomeParts_whenCreatingOutcome_thenNullsRefusedAndTransitionsCopied() {
    List<DeviceTransition> transitions = new ArrayList<>();
    ManagedDevice device = DomainTestData.device("a", ManagementState.MANAGED);
    transitions.add(new DeviceTransition(device, device));

    RetireAllOutcome outcome = new RetireAllOutcome(ADELE_ID, NOW, transitions);
    transitions.clear();

    assertThat(outcome.transitions()).hasSize(1);
    assertThat(outcome.changed()).isEmpty();
    assertThat(outcome.devicesAfter()).containsExactly(device);
    assertThatThrownBy(() -> new RetireAllOutcome(null, NOW, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RetireAllOutcome(ADELE_ID, null, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RetireAllOutcome(ADELE_ID, NOW, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenWithAction_whenSameActionInOtherCase_thenReplacedAndOthersKeptInOrder() {
    ManagedDevice device =
        DomainTestData.deviceWithEarlierAction(
            "a", ManagementState.MANAGED, "RETIRE", ActionState.FAILED);

    ManagedDevice result =
        device.withAction(ManagementState.RETIRE_PENDING, DeviceActionResult.retirePending(NOW));

    assertThat(result.deviceActionResults())
        .containsExactly(DomainTestData.syncDone(), DeviceActionResult.retirePending(NOW));
    assertThat(device.deviceActionResults())
        .as("the original is untouched")
        .contains(new DeviceActionResult("RETIRE", ActionState.FAILED, EARLIER, EARLIER));
  }
}
