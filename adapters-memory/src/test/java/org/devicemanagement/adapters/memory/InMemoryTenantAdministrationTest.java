package org.devicemanagement.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.memory.MemoryTestData.ADELE;
import static org.devicemanagement.adapters.memory.MemoryTestData.ALEX;
import static org.devicemanagement.adapters.memory.MemoryTestData.AT;
import static org.devicemanagement.adapters.memory.MemoryTestData.PRADEEP;
import static org.devicemanagement.adapters.memory.MemoryTestData.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/** Changing the in-memory tenant: add, remove, replace, reset; and what its readers see after. */
class InMemoryTenantAdministrationTest {

  private static final User NEW_USER =
      new User("11111111-2222-4333-8444-555555555555", "new.user@contoso.com", "New User");

  @Test
  void givenTenant_whenUserAndDeviceAdded_thenFoundListedSearchedAndPlanned() {
    InMemoryTenant tenant = MemoryTestData.smallTenant();

    tenant.addUser(NEW_USER);
    ManagedDevice stored =
        tenant.addDevice(ManagedDevice.builder("b-new", NEW_USER.id()).build(), AT);

    assertThat(stored.userPrincipalName()).as("takes its user's").isEqualTo("new.user@contoso.com");
    assertThat(tenant.findByUserPrincipalName("NEW.USER@contoso.com")).contains(NEW_USER);
    assertThat(tenant.users()).endsWith(NEW_USER);
    assertThat(tenant.listByUser(NEW_USER)).containsExactly(stored);
    assertThat(tenant.findDeviceById("B-NEW")).contains(stored);
    assertThat(allIds(tenant))
        .containsExactly(
            "a-adele-managed",
            "b-adele-unhealthy",
            "b-new",
            "c-adele-wipe",
            "d-alex-managed",
            "e-kiosk");
    assertThat(tenant.nextCheckIn()).contains(AT.plus(Duration.ofHours(8)));
  }

  @Test
  void givenTakenIdsOrUnknownUser_whenAdded_thenInvalidRequestAndTenantUnchanged() {
    InMemoryTenant tenant = MemoryTestData.smallTenant();

    assertThatThrownBy(
            () ->
                tenant.addUser(
                    new User(ADELE.id().toUpperCase(java.util.Locale.ROOT), "x@contoso.com", "")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> tenant.addUser(new User(NEW_USER.id(), ADELE.userPrincipalName(), "")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(ADELE.userPrincipalName());
    assertThatThrownBy(
            () -> tenant.addDevice(device("A-ADELE-MANAGED", ALEX, ManagementState.MANAGED), AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(
            () -> tenant.addDevice(ManagedDevice.builder("z", NEW_USER.id()).build(), AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("names no user");
    assertThat(tenant.userCount()).isEqualTo(3);
    assertThat(tenant.deviceCount()).isEqualTo(5);
  }

  @Test
  void givenDevice_whenRemoved_thenGoneEverywhereAndItsIdCanComeBackForAnotherUser() {
    InMemoryTenant tenant = MemoryTestData.smallTenant();
    tenant.planCheckIns(AT);

    assertThat(tenant.removeDevice("A-ADELE-MANAGED")).isTrue();
    assertThat(tenant.removeDevice("a-adele-managed")).isFalse();

    assertThat(tenant.findDeviceById("a-adele-managed")).isEmpty();
    assertThat(tenant.listByUser(ADELE))
        .extracting(ManagedDevice::id)
        .containsExactly("b-adele-unhealthy", "c-adele-wipe");
    assertThat(allIds(tenant)).doesNotContain("a-adele-managed");
    assertThat(tenant.deviceCount()).isEqualTo(4);

    ManagedDevice back =
        tenant.addDevice(device("A-adele-managed", PRADEEP, ManagementState.MANAGED), AT);

    assertThat(tenant.findDeviceById("a-adele-managed")).contains(back);
    assertThat(tenant.listByUser(PRADEEP)).containsExactly(back);
    assertThat(allIds(tenant))
        .containsOnlyOnce("A-adele-managed")
        .doesNotContain("a-adele-managed");
    assertThat(tenant.runCheckInsDue(AT.plus(Duration.ofHours(8))))
        .as("one check-in each, the removed device's plan forgotten")
        .isEqualTo(5);
  }

  @Test
  void givenChangedTenant_whenReplacedThenReset_thenEachServedWholeAndTheFirstComesBack() {
    InMemoryTenant tenant = MemoryTestData.smallTenant();
    Contents first = tenant.tenantContents();
    tenant.retireAll(ADELE, AT, ApplicationTestData.audit());
    tenant.addUser(NEW_USER);

    tenant.replaceTenant(
        new Contents(
            List.of(NEW_USER), List.of(ManagedDevice.builder("only", NEW_USER.id()).build())),
        AT);

    assertThat(tenant.users()).containsExactly(NEW_USER);
    assertThat(tenant.findById(ADELE.id())).isEmpty();
    assertThat(allIds(tenant)).containsExactly("only");

    tenant.resetTenant(AT);

    assertThat(tenant.tenantContents()).isEqualTo(first);
    assertThat(tenant.listByUser(ADELE))
        .extracting(ManagedDevice::managementState)
        .doesNotContain(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenInconsistentContents_whenReplaced_thenInvalidRequestAndTenantKept() {
    InMemoryTenant tenant = MemoryTestData.smallTenant();

    assertThatThrownBy(
            () -> tenant.replaceTenant(new Contents(List.of(ADELE, ADELE), List.of()), AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("users[1]: duplicate id");
    assertThat(tenant.deviceCount()).isEqualTo(5);
  }

  @Test
  void givenOfflineDevice_whenAdded_thenNothingPlanned() {
    InMemoryTenant tenant = InMemoryTenant.of(List.of(ADELE), List.of());

    tenant.addDevice(
        device("x", ADELE, ManagementState.MANAGED).toBuilder()
            .checkInInterval(Optional.empty())
            .build(),
        AT);

    assertThat(tenant.nextCheckIn()).isEmpty();
  }

  private static List<String> allIds(InMemoryTenant tenant) {
    DevicePage page = tenant.search(DeviceQuery.ALL, 100, Optional.empty());
    return page.devices().stream().map(ManagedDevice::id).toList();
  }
}
