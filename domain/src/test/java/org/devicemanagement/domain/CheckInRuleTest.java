package org.devicemanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.domain.DomainTestData.EARLIER;
import static org.devicemanagement.domain.DomainTestData.NOW;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckInRuleTest {

  private static final Set<ManagementState> RETIRING =
      EnumSet.of(ManagementState.RETIRE_PENDING, ManagementState.RETIRE_ISSUED);

  @ParameterizedTest
  @EnumSource(ManagementState.class)
  void givenDeviceInAnyState_whenCheckedIn_thenLastSyncIsTheCheckIn(ManagementState state) {
    ManagedDevice device = DomainTestData.device("d1", state);

    CheckInOutcome outcome = CheckInRule.applyTo(device, NOW);

    assertThat(outcome.before()).isEqualTo(device);
    assertThat(outcome.after().lastSyncDateTime()).isEqualTo(NOW);
    assertThat(outcome.leftIntune()).isEqualTo(RETIRING.contains(state));
  }

  @ParameterizedTest
  @EnumSource(
      value = ManagementState.class,
      names = {"RETIRE_PENDING", "RETIRE_ISSUED"},
      mode = EnumSource.Mode.EXCLUDE)
  void givenDeviceNotBeingRetired_whenCheckedIn_thenOnlyLastSyncChanges(ManagementState state) {
    ManagedDevice device = DomainTestData.device("d1", state);

    CheckInOutcome outcome = CheckInRule.applyTo(device, NOW);

    assertThat(outcome.after())
        .isEqualTo(device.toBuilder().lastSyncDateTime(NOW).build())
        .extracting(ManagedDevice::managementState)
        .isEqualTo(state);
  }

  @Test
  void givenRetireIssuedByRetireAll_whenCheckedIn_thenRetireDoneAndDeviceLeavesIntune() {
    ManagedDevice retiring =
        RetireAllRule.applyTo(DomainTestData.device("d1", ManagementState.MANAGED), EARLIER);

    CheckInOutcome outcome = CheckInRule.applyTo(retiring, NOW);

    assertThat(outcome.leftIntune()).isTrue();
    assertThat(outcome.after().deviceActionResults())
        .filteredOn(result -> result.isFor(DeviceActionResult.RETIRE))
        .containsExactly(
            new DeviceActionResult(DeviceActionResult.RETIRE, ActionState.DONE, EARLIER, NOW));
    assertThat(outcome.after().deviceActionResults())
        .as("other results are kept")
        .hasSize(retiring.deviceActionResults().size());
    assertThat(outcome.after().lastSyncDateTime()).isEqualTo(NOW);
  }

  @Test
  void givenRetirePendingWithoutAResult_whenCheckedIn_thenADoneRetireIsRecorded() {
    ManagedDevice device =
        DomainTestData.device("d1", ManagementState.RETIRE_PENDING).toBuilder()
            .deviceActionResults(List.of())
            .build();

    CheckInOutcome outcome = CheckInRule.applyTo(device, NOW);

    assertThat(outcome.leftIntune()).isTrue();
    assertThat(outcome.after().deviceActionResults())
        .containsExactly(
            new DeviceActionResult(DeviceActionResult.RETIRE, ActionState.DONE, NOW, NOW));
  }

  @Test
  void givenNewDevice_whenBuilt_thenItChecksInEveryEightHours() {
    ManagedDevice device = ManagedDevice.builder("d1", "").build();

    assertThat(device.checkInInterval()).contains(Duration.ofHours(8));
    assertThat(device.toBuilder().checkInInterval(Optional.empty()).build().checkInInterval())
        .isEmpty();
  }

  @Test
  void givenIntervalShorterThanASecond_whenBuilt_thenRefused() {
    assertThatThrownBy(
            () ->
                ManagedDevice.builder("d1", "")
                    .checkInInterval(Optional.of(Duration.ofMillis(999)))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checkInInterval");
  }
}
