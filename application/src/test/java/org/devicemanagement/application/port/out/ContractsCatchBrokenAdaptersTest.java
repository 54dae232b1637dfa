package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * Proves the contracts can fail: each broken adapter below has one defect, and the contract test
 * meant to catch it does.
 */
class ContractsCatchBrokenAdaptersTest {

  private static UserDirectoryContract directoryContract(
      Function<List<User>, UserDirectory> adapter) {
    return new UserDirectoryContract() {
      @Override
      protected UserDirectory directoryWith(List<User> users) {
        return adapter.apply(users);
      }
    };
  }

  /** The three device contracts run against one adapter of all three ports. */
  interface DevicesContract
      extends UserDeviceListingContract, ManagedDeviceLookupContract, DeviceRetirementContract {}

  private static DevicesContract devicesContract(
      Function<List<ManagedDevice>, Delegating> adapter) {
    return new DevicesContract() {
      @Override
      public UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices) {
        return adapter.apply(devices);
      }

      @Override
      public ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices) {
        return adapter.apply(devices);
      }

      @Override
      public Retiring retirementWith(List<User> users, List<ManagedDevice> devices) {
        return Retiring.of(adapter.apply(devices));
      }
    };
  }

  /** A directory that compares ids and names case-sensitively. */
  private record CaseSensitiveDirectory(List<User> users) implements UserDirectory {
    @Override
    public Optional<User> findById(String id) {
      return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public Optional<User> findByUserPrincipalName(String upn) {
      return users.stream().filter(u -> u.userPrincipalName().equals(upn)).findFirst();
    }
  }

  @Test
  void givenCaseSensitiveIdLookup_whenContractRuns_thenUpperCaseIdTestFails() {
    UserDirectoryContract contract = directoryContract(CaseSensitiveDirectory::new);

    assertThatThrownBy(contract::givenUsers_whenFindByIdInUpperCase_thenStoredUserAsStored)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            contract::givenUsers_whenFindByUserPrincipalNameInAnyCase_thenStoredUserAsStored)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenDirectoryEchoingTheQueryCase_whenContractRuns_thenStoredUserTestFails() {
    UserDirectoryContract contract =
        directoryContract(
            users ->
                new UserDirectory() {
                  private final FakeUserDirectory real = new FakeUserDirectory(users);

                  @Override
                  public Optional<User> findById(String id) {
                    return real.findById(id)
                        .map(u -> new User(id, u.userPrincipalName(), u.displayName()));
                  }

                  @Override
                  public Optional<User> findByUserPrincipalName(String upn) {
                    return real.findByUserPrincipalName(upn);
                  }
                });

    assertThatThrownBy(contract::givenUsers_whenFindByIdInUpperCase_thenStoredUserAsStored)
        .isInstanceOf(AssertionError.class);
  }

  /** Delegates to the fake but lets a test break one behaviour. */
  private static class Delegating
      implements UserDeviceListing, ManagedDeviceLookup, DeviceRetirement {
    final FakeManagedDevices real;

    Delegating(List<ManagedDevice> devices) {
      real = new FakeManagedDevices(devices);
    }

    @Override
    public List<ManagedDevice> listByUser(User user) {
      return real.listByUser(user);
    }

    @Override
    public Optional<ManagedDevice> findDeviceById(String deviceId) {
      return real.findDeviceById(deviceId);
    }

    @Override
    public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
      return real.retireAll(user, at, audit);
    }
  }

  @Test
  void givenUnsortedListing_whenContractRuns_thenOrderTestFails() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public List<ManagedDevice> listByUser(User user) {
                    List<ManagedDevice> list = new ArrayList<>(real.listByUser(user));
                    list.sort(Comparator.comparing(ManagedDevice::deviceName));
                    return list;
                  }
                });

    assertThatThrownBy(contract::givenTenant_whenListByUser_thenExactlyThatUsersDevicesOrderedById)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenListingLeakingOtherUsersDevices_whenContractRuns_thenOnlyThatUserTestFails() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public List<ManagedDevice> listByUser(User user) {
                    return real.all();
                  }
                });

    assertThatThrownBy(contract::givenTenant_whenListByOtherUser_thenOnlyThatUsersDevices)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenRetireThatRedatesEveryDevice_whenContractRuns_thenRuleAndIdempotenceTestsFail() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
                    List<DeviceTransition> transitions = new ArrayList<>();
                    for (ManagedDevice before : real.listByUser(user)) {
                      ManagedDevice after =
                          before.withAction(
                              ManagementState.RETIRE_PENDING, DeviceActionResult.retirePending(at));
                      transitions.add(new DeviceTransition(before, after));
                    }
                    return new RetireAllOutcome(user.id(), at, transitions);
                  }
                });

    assertThatThrownBy(contract::givenDevicesInEveryState_whenRetireAll_thenRuleAppliedToEachDevice)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract::givenRetiredUser_whenRetireAllAgain_thenNothingChanges)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenRetireThatForgetsToStore_whenContractRuns_thenListAfterwardsTestFails() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
                    return RetireAllRule.applyTo(user.id(), real.listByUser(user), at);
                  }
                });

    assertThatThrownBy(contract::givenRetireAll_whenListByUser_thenShowsNewStates)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            contract::givenRetireAll_whenFindById_thenShowsNewStateAndPendingRetireAction)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenRetireThatTouchesEveryone_whenContractRuns_thenOtherUsersUntouchedTestFails() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
                    for (ManagedDevice device : real.all()) {
                      if (!device.userId().isEmpty()) {
                        real.retireAll(
                            new User(device.userId(), "x@contoso.com", ""),
                            at,
                            RetireAllAudit.of(audit.actor(), audit.correlationId(), "x"));
                      }
                    }
                    return real.retireAll(user, at, audit);
                  }
                });

    assertThatThrownBy(contract::givenRetireAll_whenListingOtherUsersDevices_thenUntouched)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void givenUnorderedOutcome_whenContractRuns_thenOutcomeOrderTestFails() {
    DevicesContract contract =
        devicesContract(
            devices ->
                new Delegating(devices) {
                  @Override
                  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
                    RetireAllOutcome outcome = real.retireAll(user, at, audit);
                    List<DeviceTransition> reversed = new ArrayList<>(outcome.transitions());
                    Collections.reverse(reversed);
                    return new RetireAllOutcome(outcome.userId(), outcome.at(), reversed);
                  }
                });

    assertThatThrownBy(
            contract::givenDevicesInEveryState_whenRetireAll_thenOutcomeNamesUserAndIsOrderedById)
        .isInstanceOf(AssertionError.class);
  }
}
