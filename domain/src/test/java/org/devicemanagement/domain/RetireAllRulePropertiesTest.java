package org.devicemanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of retire-all over generated devices in every management state, carrying random
 * earlier action results, spread over several users (jqwik).
 */
class RetireAllRulePropertiesTest {

  private static final List<String> USERS =
      List.of(
          DomainTestData.ADELE_ID, DomainTestData.ALEX_ID, "3c1b2a49-0000-4000-8000-00000000000c");
  private static final List<String> ACTIONS =
      List.of("retire", "wipe", "delete", "syncDevice", "rebootNow", "Retire");

  @Property(tries = 300)
  void givenAnyDevicesOfOneUser_whenRetireAllTwice_thenSecondRunChangesNothing(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices, @ForAll("instants") Instant at) {
    RetireAllOutcome first = RetireAllRule.applyTo(DomainTestData.ADELE_ID, devices, at);
    RetireAllOutcome second =
        RetireAllRule.applyTo(DomainTestData.ADELE_ID, first.devicesAfter(), at.plusSeconds(60));

    assertThat(second.changed()).isEmpty();
    assertThat(second.changedCount()).isZero();
    assertThat(second.anyChanged()).isFalse();
    assertThat(second.devicesAfter()).isEqualTo(first.devicesAfter());
  }

  @Property(tries = 300)
  void givenAnyDevices_whenRetireAll_thenChangedCountMatchesTheChangedTransitions(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices, @ForAll("instants") Instant at) {
    RetireAllOutcome outcome = RetireAllRule.applyTo(DomainTestData.ADELE_ID, devices, at);

    assertThat(outcome.changedCount()).isEqualTo(outcome.changed().size());
    assertThat(outcome.anyChanged()).isEqualTo(!outcome.changed().isEmpty());
  }

  @Property(tries = 300)
  void givenAnyDevices_whenRetireAll_thenEveryTransitionFollowsTheTable(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices, @ForAll("instants") Instant at) {
    RetireAllOutcome outcome = RetireAllRule.applyTo(DomainTestData.ADELE_ID, devices, at);

    for (DeviceTransition transition : outcome.transitions()) {
      ManagedDevice before = transition.before();
      ManagedDevice after = transition.after();
      switch (before.managementState().retireAllEffect()) {
        case RETIRE -> {
          assertThat(after.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
          assertThat(after.deviceActionResults())
              .filteredOn(r -> r.isFor(DeviceActionResult.RETIRE))
              .containsExactly(DeviceActionResult.retirePending(at));
          // Every other action result survives, in order; only earlier retire results are replaced.
          assertThat(after.deviceActionResults())
              .filteredOn(r -> !r.isFor(DeviceActionResult.RETIRE))
              .containsExactlyElementsOf(
                  before.deviceActionResults().stream()
                      .filter(r -> !r.isFor(DeviceActionResult.RETIRE))
                      .toList());
          assertThat(
                  after.toBuilder()
                      .managementState(before.managementState())
                      .deviceActionResults(before.deviceActionResults())
                      .build())
              .as("nothing but state and action results changes")
              .isEqualTo(before);
        }
        case ALREADY_RETIRING, STRONGER_ACTION_OR_UNKNOWN -> assertThat(after).isEqualTo(before);
      }
    }
  }

  @Property(tries = 300)
  void givenAnyDevices_whenRetireAll_thenDeviceCountAndIdsAreUnchanged(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices, @ForAll("instants") Instant at) {
    RetireAllOutcome outcome = RetireAllRule.applyTo(DomainTestData.ADELE_ID, devices, at);

    assertThat(outcome.devicesAfter()).hasSameSizeAs(devices);
    assertThat(outcome.devicesAfter().stream().map(ManagedDevice::id))
        .containsExactlyElementsOf(devices.stream().map(ManagedDevice::id).toList());
    assertThat(outcome.devicesAfter())
        .allSatisfy(d -> assertThat(d.belongsTo(DomainTestData.ADELE_ID)).isTrue());
  }

  @Property(tries = 300)
  void givenAnyDevices_whenRetireAll_thenChangedListsExactlyTheDevicesWhoseStateChanged(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices, @ForAll("instants") Instant at) {
    RetireAllOutcome outcome = RetireAllRule.applyTo(DomainTestData.ADELE_ID, devices, at);

    Set<String> stateChanged = new HashSet<>();
    for (DeviceTransition t : outcome.transitions()) {
      if (t.stateBefore() != t.stateAfter()) {
        stateChanged.add(t.deviceId());
      }
    }
    Set<String> retirable =
        devices.stream()
            .filter(
                d ->
                    d.managementState().retireAllEffect() == ManagementState.RetireAllEffect.RETIRE)
            .map(ManagedDevice::id)
            .collect(Collectors.toSet());
    assertThat(outcome.changed().stream().map(DeviceTransition::deviceId))
        .containsExactlyInAnyOrderElementsOf(stateChanged);
    assertThat(stateChanged).isEqualTo(retirable);
  }

  @Property(tries = 200)
  void givenTenantOfSeveralUsers_whenRetireAllOfOne_thenNoOtherUsersDeviceIsTouched(
      @ForAll("tenantDevices") List<ManagedDevice> tenant,
      @ForAll("userIds") String target,
      @ForAll("instants") Instant at) {
    List<ManagedDevice> mine = tenant.stream().filter(d -> d.belongsTo(target)).toList();
    Map<String, ManagedDevice> after =
        new java.util.LinkedHashMap<>(
            tenant.stream().collect(Collectors.toMap(ManagedDevice::id, Function.identity())));
    RetireAllRule.applyTo(target, mine, at).devicesAfter().forEach(d -> after.put(d.id(), d));

    for (ManagedDevice before : tenant) {
      if (!before.belongsTo(target)) {
        assertThat(after.get(before.id())).isSameAs(before);
      }
    }
    assertThat(after).hasSameSizeAs(tenant);
  }

  @Property(tries = 200)
  void givenAForeignDeviceAmongTheUsers_whenRetireAll_thenRefusedWithoutOutcome(
      @ForAll("oneUsersDevices") List<ManagedDevice> devices,
      @ForAll("foreignDevice") ManagedDevice foreign,
      @ForAll("instants") Instant at) {
    List<ManagedDevice> mixed = new ArrayList<>(devices);
    mixed.add(mixed.size() / 2, foreign);

    assertThatThrownBy(() -> RetireAllRule.applyTo(DomainTestData.ADELE_ID, mixed, at))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(foreign.id());
  }

  @Provide
  Arbitrary<List<ManagedDevice>> oneUsersDevices() {
    return devicesOf(Arbitraries.just(DomainTestData.ADELE_ID))
        .list()
        .ofMaxSize(12)
        .uniqueElements(ManagedDevice::id);
  }

  @Provide
  Arbitrary<List<ManagedDevice>> tenantDevices() {
    // Some devices have no primary user (""): retire-all of anyone must leave them too.
    return devicesOf(Arbitraries.oneOf(Arbitraries.of(USERS), Arbitraries.just("")))
        .list()
        .ofMaxSize(20)
        .uniqueElements(ManagedDevice::id);
  }

  @Provide
  Arbitrary<ManagedDevice> foreignDevice() {
    return devicesOf(Arbitraries.of(DomainTestData.ALEX_ID, ""));
  }

  @Provide
  Arbitrary<String> userIds() {
    return Arbitraries.of(USERS);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            DomainTestData.EARLIER.getEpochSecond(),
            DomainTestData.NOW.getEpochSecond() + 86_400L * 365)
        .map(Instant::ofEpochSecond);
  }

  private static Arbitrary<ManagedDevice> devicesOf(Arbitrary<String> owners) {
    Arbitrary<String> ids =
        Arbitraries.strings()
            .withChars("0123456789abcdef-")
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(id -> !id.isBlank());
    return Combinators.combine(ids, owners, Arbitraries.of(ManagementState.class), actionResults())
        .as(
            (id, owner, state, results) ->
                ManagedDevice.builder(id, owner)
                    .deviceName("DEVICE-" + id)
                    .operatingSystem("Windows")
                    .managementState(state)
                    .deviceActionResults(results)
                    .build());
  }

  private static Arbitrary<List<DeviceActionResult>> actionResults() {
    Arbitrary<DeviceActionResult> result =
        Combinators.combine(
                Arbitraries.of(ACTIONS),
                Arbitraries.of(ActionState.class),
                Arbitraries.longs().between(0, 1_000_000))
            .as(
                (name, state, offset) ->
                    new DeviceActionResult(
                        name,
                        state,
                        DomainTestData.EARLIER.minusSeconds(offset),
                        DomainTestData.EARLIER.minusSeconds(offset / 2)));
    return result
        .list()
        .ofMaxSize(4)
        .uniqueElements(r -> r.actionName().toLowerCase(java.util.Locale.ROOT));
  }
}
