package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE;
import static org.devicemanagement.adapters.memory.MemoryTestData.ALEX;
import static org.devicemanagement.adapters.memory.MemoryTestData.AT;
import static org.devicemanagement.adapters.memory.MemoryTestData.PRADEEP;
import static org.devicemanagement.adapters.memory.MemoryTestData.device;
import static org.devicemanagement.adapters.memory.MemoryTestData.deviceWithoutUser;
import static org.devicemanagement.adapters.memory.MemoryTestData.smallTenant;

import java.util.List;
import java.util.Locale;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

class InMemoryTenantTest {

  @Test
  void givenNothing_whenEmpty_thenNoUsersAndNoDevices() {
    InMemoryTenant tenant = InMemoryTenant.empty();

    assertThat(tenant.userCount()).isZero();
    assertThat(tenant.deviceCount()).isZero();
    assertThat(tenant.users()).isEmpty();
    assertThat(tenant.findById(ADELE.id())).isEmpty();
    assertThat(tenant.listByUser(ADELE)).isEmpty();
    assertThat(tenant.retireAll(ADELE, AT, ApplicationTestData.audit()).transitions()).isEmpty();
  }

  @Test
  void givenUsersAndDevices_whenOf_thenCountsAndUsersInGivenOrder() {
    InMemoryTenant tenant = smallTenant();

    assertThat(tenant.userCount()).isEqualTo(3);
    assertThat(tenant.deviceCount()).isEqualTo(5);
    assertThat(tenant.users()).containsExactly(ADELE, ALEX, PRADEEP);
    assertThat(tenant.toString()).isEqualTo("InMemoryTenant[3 users, 5 devices]");
  }

  @Test
  void givenTenant_whenUsersModified_thenRefused() {
    assertThatThrownBy(() -> smallTenant().users().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenIdAndUpnInOtherCase_whenFindUser_thenFound() {
    InMemoryTenant tenant = smallTenant();

    assertThat(tenant.findById(ADELE.id().toUpperCase(Locale.ROOT))).contains(ADELE);
    assertThat(tenant.findByUserPrincipalName("Alex.Wilber@CONTOSO.com")).contains(ALEX);
    assertThat(tenant.findById("00000000-0000-0000-0000-000000000000")).isEmpty();
    assertThat(tenant.findByUserPrincipalName("nobody@contoso.com")).isEmpty();
  }

  @Test
  void givenDevicesGivenOutOfOrder_whenListByUser_thenOnlyTheUsersDevicesSortedById() {
    List<ManagedDevice> listed = smallTenant().listByUser(ADELE);

    assertThat(listed)
        .extracting(ManagedDevice::id)
        .containsExactly("a-adele-managed", "b-adele-unhealthy", "c-adele-wipe");
  }

  @Test
  void givenUserWithoutDevicesOrUnknownUser_whenListByUser_thenEmpty() {
    InMemoryTenant tenant = smallTenant();
    User stranger = new User("11111111-2222-4333-8444-555555555555", "x@fabrikam.com", "X");

    assertThat(tenant.listByUser(PRADEEP)).isEmpty();
    assertThat(tenant.listByUser(stranger)).isEmpty();
  }

  @Test
  void givenUserObjectWithIdInOtherCase_whenListByUser_thenSameDevices() {
    InMemoryTenant tenant = smallTenant();
    User upperCased =
        new User(
            ADELE.id().toUpperCase(Locale.ROOT), ADELE.userPrincipalName(), ADELE.displayName());

    assertThat(tenant.listByUser(upperCased)).isEqualTo(tenant.listByUser(ADELE)).hasSize(3);
  }

  @Test
  void givenDeviceIdInAnyCase_whenFindById_thenFound() {
    InMemoryTenant tenant = smallTenant();

    assertThat(tenant.findDeviceById("d-alex-managed"))
        .hasValueSatisfying(d -> assertThat(d.userId()).isEqualTo(ALEX.id()));
    assertThat(tenant.findDeviceById("D-ALEX-MANAGED"))
        .hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("d-alex-managed"));
    assertThat(tenant.findDeviceById("no-such-device")).isEmpty();
  }

  @Test
  void givenDeviceWithoutUser_whenQueried_thenFindableButListedForNoUser() {
    InMemoryTenant tenant = smallTenant();

    assertThat(tenant.findDeviceById("e-kiosk")).isPresent();
    assertThat(tenant.devicesWithoutUser())
        .extracting(ManagedDevice::id)
        .containsExactly("e-kiosk");
    for (User user : tenant.users()) {
      assertThat(tenant.listByUser(user)).extracting(ManagedDevice::id).doesNotContain("e-kiosk");
    }
  }

  @Test
  void givenManagedAndWipePendingDevices_whenRetireAll_thenRetirableOnesRetirePendingOthersKept() {
    InMemoryTenant tenant = smallTenant();

    RetireAllOutcome outcome = tenant.retireAll(ADELE, AT, ApplicationTestData.audit());

    assertThat(outcome.userId()).isEqualTo(ADELE.id());
    assertThat(outcome.transitions())
        .extracting(DeviceTransition::deviceId)
        .containsExactly("a-adele-managed", "b-adele-unhealthy", "c-adele-wipe");
    assertThat(outcome.changed())
        .extracting(DeviceTransition::deviceId)
        .containsExactly("a-adele-managed", "b-adele-unhealthy");
    assertThat(tenant.listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .containsExactly(
            ManagementState.RETIRE_PENDING,
            ManagementState.RETIRE_PENDING,
            ManagementState.WIPE_PENDING);
    assertThat(tenant.findDeviceById("a-adele-managed").orElseThrow().deviceActionResults())
        .containsExactly(DeviceActionResult.retirePending(AT));
  }

  @Test
  void givenRetiredUser_whenRetireAllAgain_thenNothingChanges() {
    InMemoryTenant tenant = smallTenant();
    tenant.retireAll(ADELE, AT, ApplicationTestData.audit());
    List<ManagedDevice> afterFirst = tenant.listByUser(ADELE);

    RetireAllOutcome second =
        tenant.retireAll(ADELE, AT.plusSeconds(60), ApplicationTestData.audit());

    assertThat(second.changed()).isEmpty();
    assertThat(tenant.listByUser(ADELE)).isEqualTo(afterFirst);
  }

  @Test
  void givenTwoUsers_whenRetireAllForOne_thenOtherUsersAndUnownedDevicesUntouched() {
    InMemoryTenant tenant = smallTenant();
    List<ManagedDevice> alexBefore = tenant.listByUser(ALEX);
    List<ManagedDevice> kioskBefore = tenant.devicesWithoutUser();

    tenant.retireAll(ADELE, AT, ApplicationTestData.audit());

    assertThat(tenant.listByUser(ALEX)).isEqualTo(alexBefore);
    assertThat(tenant.devicesWithoutUser()).isEqualTo(kioskBefore);
  }

  @Test
  void givenUserWithoutDevices_whenRetireAll_thenEmptyOutcome() {
    RetireAllOutcome outcome = smallTenant().retireAll(PRADEEP, AT, ApplicationTestData.audit());

    assertThat(outcome.userId()).isEqualTo(PRADEEP.id());
    assertThat(outcome.at()).isEqualTo(AT);
    assertThat(outcome.transitions()).isEmpty();
  }

  @Test
  void givenUsersWithIdsDifferingInCase_whenOf_thenDuplicateIdNamesBothEntries() {
    User shouting = new User(ADELE.id().toUpperCase(Locale.ROOT), "other@contoso.com", "Other");

    assertThatThrownBy(() -> InMemoryTenant.of(List.of(ADELE, ALEX, shouting), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users[2]")
        .hasMessageContaining("duplicate id")
        .hasMessageContaining("users[0]");
  }

  @Test
  void givenUsersSharingUpn_whenOf_thenDuplicateUpnNamesBothEntries() {
    User twin =
        new User("11111111-2222-4333-8444-555555555555", "ALEX.WILBER@contoso.com", "Alex Twin");

    assertThatThrownBy(() -> InMemoryTenant.of(List.of(ADELE, ALEX, twin), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users[2]")
        .hasMessageContaining("duplicate userPrincipalName 'ALEX.WILBER@contoso.com'")
        .hasMessageContaining("users[1]");
  }

  @Test
  void givenDevicesSharingId_whenOf_thenDuplicateIdNamesBothEntries() {
    List<ManagedDevice> devices =
        List.of(
            device("dev-1", ADELE, ManagementState.MANAGED),
            device("dev-2", ADELE, ManagementState.MANAGED),
            device("DEV-1", ALEX, ManagementState.MANAGED));

    assertThatThrownBy(() -> InMemoryTenant.of(List.of(ADELE, ALEX), devices))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("managedDevices[2]: duplicate id 'DEV-1' (also the id of managedDevices[0])");
  }

  @Test
  void givenDeviceOfUnknownUser_whenOf_thenFailsNamingDeviceAndUserId() {
    List<ManagedDevice> devices =
        List.of(deviceWithoutUser("kiosk"), device("dev-1", ALEX, ManagementState.MANAGED));

    assertThatThrownBy(() -> InMemoryTenant.of(List.of(ADELE), devices))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "managedDevices[1] (id 'dev-1'): userId '%s' names no user".formatted(ALEX.id()));
  }
}
