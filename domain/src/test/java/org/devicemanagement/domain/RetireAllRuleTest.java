package org.devicemanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.devicemanagement.domain.DomainTestData.ADELE_ID;
import static org.devicemanagement.domain.DomainTestData.ALEX_ID;
import static org.devicemanagement.domain.DomainTestData.EARLIER;
import static org.devicemanagement.domain.DomainTestData.NOW;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetireAllRuleTest {

  /** The table of graph-contract.md, written out by hand: the states retire-all moves. */
  private static final Set<ManagementState> RETIRED_BY_RULE =
      EnumSet.of(
          ManagementState.MANAGED,
          ManagementState.UNHEALTHY,
          ManagementState.DISCOVERED,
          ManagementState.RETIRE_FAILED,
          ManagementState.RETIRE_CANCELED,
          ManagementState.WIPE_FAILED,
          ManagementState.WIPE_CANCELED);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "managed,            retirePending",
    "retirePending,      retirePending",
    "retireFailed,       retirePending",
    "wipePending,        wipePending",
    "wipeFailed,         retirePending",
    "unhealthy,          retirePending",
    "deletePending,      deletePending",
    "retireIssued,       retireIssued",
    "wipeIssued,         wipeIssued",
    "wipeCanceled,       retirePending",
    "retireCanceled,     retirePending",
    "discovered,         retirePending",
    "unknownFutureValue, unknownFutureValue"
  })
  void givenDeviceInState_whenRetireAll_thenStateFollowsContractTable(String before, String after) {
    ManagedDevice device = DomainTestData.device("d1", ManagementState.fromGraphName(before));

    ManagedDevice result = RetireAllRule.applyTo(device, NOW);

    assertThat(result.managementState().graphName()).isEqualTo(after);
  }

  @Test
  void givenContractTable_whenCounted_thenEveryStateIsCovered() {
    // The CSV table above has 13 rows; a new state must be added there, not silently defaulted.
    assertThat(ManagementState.values()).hasSize(13);
    assertThat(RETIRED_BY_RULE).hasSize(7);
  }

  @ParameterizedTest
  @EnumSource(ManagementState.class)
  void givenDeviceInAnyState_whenRetireAll_thenRetiredExactlyWhenTableSaysSo(
      ManagementState state) {
    ManagedDevice device = DomainTestData.device("d1", state);

    ManagedDevice result = RetireAllRule.applyTo(device, NOW);

    if (RETIRED_BY_RULE.contains(state)) {
      assertThat(result.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
      assertThat(result.deviceActionResults())
          .containsExactly(
              DomainTestData.syncDone(),
              new DeviceActionResult("retire", ActionState.PENDING, NOW, NOW));
      assertThat(result.toBuilder().managementState(state).deviceActionResults(List.of()).build())
          .as("every other property is kept")
          .isEqualTo(device.toBuilder().deviceActionResults(List.of()).build());
    } else {
      assertThat(result).isEqualTo(device);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ManagementState.class,
      names = {
        "MANAGED",
        "UNHEALTHY",
        "DISCOVERED",
        "RETIRE_FAILED",
        "RETIRE_CANCELED",
        "WIPE_FAILED",
        "WIPE_CANCELED"
      })
  void givenEarlierRetireAndWipeResults_whenRetireAll_thenRetireReplacedAndWipeKept(
      ManagementState state) {
    ManagedDevice withRetire =
        DomainTestData.deviceWithEarlierAction("d1", state, "Retire", ActionState.FAILED);
    List<DeviceActionResult> results = new ArrayList<>(withRetire.deviceActionResults());
    DeviceActionResult wipe =
        new DeviceActionResult("wipe", ActionState.CANCELED, EARLIER, EARLIER);
    results.add(wipe);
    ManagedDevice device = withRetire.toBuilder().deviceActionResults(results).build();

    ManagedDevice result = RetireAllRule.applyTo(device, NOW);

    assertThat(result.deviceActionResults())
        .containsExactly(DomainTestData.syncDone(), wipe, DeviceActionResult.retirePending(NOW));
    assertThat(result.deviceActionResults().stream().filter(r -> r.isFor("retire")))
        .singleElement()
        .satisfies(
            retire -> {
              assertThat(retire.actionName()).isEqualTo("retire");
              assertThat(retire.actionState()).isEqualTo(ActionState.PENDING);
              assertThat(retire.startDateTime()).isEqualTo(NOW);
              assertThat(retire.lastUpdatedDateTime()).isEqualTo(NOW);
            });
  }

  @Test
  void givenRetiredDevice_whenRetireAllAgain_thenNothingChanges() {
    ManagedDevice once =
        RetireAllRule.applyTo(DomainTestData.device("d1", ManagementState.MANAGED), NOW);

    ManagedDevice twice = RetireAllRule.applyTo(once, NOW.plusSeconds(60));

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void givenDevicesInEveryState_whenRetireAllForUser_thenOutcomeListsEachBeforeAndAfter() {
    List<ManagedDevice> devices = DomainTestData.oneDevicePerState();

    RetireAllOutcome outcome = RetireAllRule.applyTo(ADELE_ID, devices, NOW);

    assertThat(outcome.userId()).isEqualTo(ADELE_ID);
    assertThat(outcome.at()).isEqualTo(NOW);
    assertThat(outcome.transitions()).hasSize(13);
    assertThat(outcome.transitions())
        .allSatisfy(
            t -> {
              assertThat(t.before()).isEqualTo(devices.get(t.stateBefore().value()));
              assertThat(t.after()).isEqualTo(RetireAllRule.applyTo(t.before(), NOW));
              assertThat(t.deviceId()).isEqualTo(t.before().id());
            });
    assertThat(outcome.transitions().stream().map(DeviceTransition::stateAfter))
        .containsExactly(
            ManagementState.RETIRE_PENDING, // managed
            ManagementState.RETIRE_PENDING, // retirePending
            ManagementState.RETIRE_PENDING, // retireFailed
            ManagementState.WIPE_PENDING,
            ManagementState.RETIRE_PENDING, // wipeFailed
            ManagementState.RETIRE_PENDING, // unhealthy
            ManagementState.DELETE_PENDING,
            ManagementState.RETIRE_ISSUED,
            ManagementState.WIPE_ISSUED,
            ManagementState.RETIRE_PENDING, // wipeCanceled
            ManagementState.RETIRE_PENDING, // retireCanceled
            ManagementState.RETIRE_PENDING, // discovered
            ManagementState.UNKNOWN_FUTURE_VALUE);
  }

  @Test
  void givenDevicesInEveryState_whenRetireAll_thenChangedHoldsOnlyRetiredDevices() {
    RetireAllOutcome outcome =
        RetireAllRule.applyTo(ADELE_ID, DomainTestData.oneDevicePerState(), NOW);

    assertThat(outcome.changed())
        .extracting(DeviceTransition::stateBefore)
        .containsExactlyInAnyOrderElementsOf(RETIRED_BY_RULE);
    assertThat(outcome.changed()).allSatisfy(t -> assertThat(t.changed()).isTrue());
    assertThat(
            outcome.transitions().stream()
                .filter(t -> !t.changed())
                .map(DeviceTransition::stateBefore))
        .containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(RETIRED_BY_RULE)));
  }

  @Test
  void givenDevices_whenRetireAll_thenDevicesAfterKeepsInputOrder() {
    List<ManagedDevice> devices =
        List.of(
            DomainTestData.device("c", ManagementState.WIPE_PENDING),
            DomainTestData.device("a", ManagementState.MANAGED),
            DomainTestData.device("b", ManagementState.RETIRE_ISSUED));

    RetireAllOutcome outcome = RetireAllRule.applyTo(ADELE_ID, devices, NOW);

    assertThat(outcome.devicesAfter())
        .extracting(ManagedDevice::id, ManagedDevice::managementState)
        .containsExactly(
            tuple("c", ManagementState.WIPE_PENDING),
            tuple("a", ManagementState.RETIRE_PENDING),
            tuple("b", ManagementState.RETIRE_ISSUED));
  }

  @Test
  void givenNoDevices_whenRetireAll_thenEmptyOutcome() {
    RetireAllOutcome outcome = RetireAllRule.applyTo(ADELE_ID, List.of(), NOW);

    assertThat(outcome.transitions()).isEmpty();
    assertThat(outcome.changed()).isEmpty();
    assertThat(outcome.devicesAfter()).isEmpty();
    assertThat(outcome.userId()).isEqualTo(ADELE_ID);
  }

  @Test
  void givenUserIdInOtherCase_whenRetireAll_thenDevicesStillBelongToUser() {
    RetireAllOutcome outcome =
        RetireAllRule.applyTo(
            ADELE_ID.toUpperCase(Locale.ROOT),
            List.of(DomainTestData.device("d1", ManagementState.MANAGED)),
            NOW);

    assertThat(outcome.changed()).hasSize(1);
  }

  @Test
  void givenDeviceOfAnotherUser_whenRetireAll_thenRefusedAndNamesDevice() {
    ManagedDevice alexDevice = ManagedDevice.builder("alex-1", ALEX_ID).build();
    List<ManagedDevice> devices =
        List.of(DomainTestData.device("d1", ManagementState.MANAGED), alexDevice);

    assertThatThrownBy(() -> RetireAllRule.applyTo(ADELE_ID, devices, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alex-1")
        .hasMessageContaining(ALEX_ID)
        .hasMessageContaining(ADELE_ID);
  }

  @Test
  void givenDeviceWithoutPrimaryUser_whenRetireAll_thenRefused() {
    List<ManagedDevice> devices = List.of(ManagedDevice.builder("shared-1", "").build());

    assertThatThrownBy(() -> RetireAllRule.applyTo(ADELE_ID, devices, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shared-1");
  }

  @Test
  void givenNulls_whenRetireAll_thenRefused() {
    ManagedDevice device = DomainTestData.device("d1", ManagementState.MANAGED);
    List<ManagedDevice> devices = List.of(device);

    assertThatThrownBy(() -> RetireAllRule.applyTo(device, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetireAllRule.applyTo((ManagedDevice) null, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetireAllRule.applyTo(null, devices, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetireAllRule.applyTo(ADELE_ID, null, NOW))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RetireAllRule.applyTo(ADELE_ID, devices, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenStates_whenAskedForEffect_thenEffectMatchesTable() {
    Set<ManagementState> retire =
        EnumSet.allOf(ManagementState.class).stream()
            .filter(s -> s.retireAllEffect() == ManagementState.RetireAllEffect.RETIRE)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ManagementState.class)));
    assertThat(retire).isEqualTo(RETIRED_BY_RULE);
    assertThat(ManagementState.RETIRE_PENDING.retireAllEffect())
        .isEqualTo(ManagementState.RetireAllEffect.ALREADY_RETIRING);
    assertThat(ManagementState.RETIRE_ISSUED.retireAllEffect())
        .isEqualTo(ManagementState.RetireAllEffect.ALREADY_RETIRING);
    assertThat(
            EnumSet.of(
                ManagementState.WIPE_ISSUED,
                ManagementState.WIPE_PENDING,
                ManagementState.DELETE_PENDING,
                ManagementState.UNKNOWN_FUTURE_VALUE))
        .allSatisfy(
            s ->
                assertThat(s.retireAllEffect())
                    .isEqualTo(ManagementState.RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN));
  }
}
