package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.out.TenantAdministration.Contents;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TenantAdministration} adapter must keep: users and devices added,
 * removed, the tenant replaced or reset to the one first served, with the same refusals, and the
 * same tenant's readers, check-ins and audit trail seeing each change. Implement it in the
 * adapter's tests; JUnit runs the inherited tests.
 */
public interface TenantAdministrationContract {

  /** The adapter under test and the same tenant's ports that show what it changed. */
  record Administering(
      TenantAdministration administration,
      UserDirectory directory,
      UserDeviceListing listing,
      ManagedDeviceLookup lookup,
      ManagedDeviceSearch search,
      CheckIns checkIns,
      DeviceRetirement retirement,
      AuditTrail trail) {

    /** One adapter serving every port. */
    public static <
            T extends
                TenantAdministration & UserDirectory & UserDeviceListing & ManagedDeviceLookup
                    & ManagedDeviceSearch & CheckIns & DeviceRetirement & AuditTrail>
        Administering of(T adapter) {
      return new Administering(
          adapter, adapter, adapter, adapter, adapter, adapter, adapter, adapter);
    }

    List<String> allIds() {
      return search.search(DeviceQuery.ALL, 1000, Optional.empty()).devices().stream()
          .map(ManagedDevice::id)
          .toList();
    }
  }

  /**
   * The adapter, over a tenant first served holding exactly {@code users} and {@code devices}, none
   * planned.
   */
  Administering administrationWith(List<User> users, List<ManagedDevice> devices);

  /** When the tests' changes happen. */
  Instant AT = Instant.parse("2024-05-06T10:00:00Z");

  /** A user the tenant does not hold. */
  User NEW_USER =
      new User("11111111-2222-4333-8444-555555555555", "new.user@contoso.com", "New User");

  private static ManagedDevice device(String id, User user, ManagementState state) {
    return ManagedDevice.builder(id, user.id())
        .userPrincipalName(user.userPrincipalName())
        .deviceName(id)
        .managementState(state)
        .build();
  }

  /** Adele with three devices, Alex with one, Megan with none, and one device without a user. */
  private Administering tenant() {
    User adele = ApplicationTestData.adele();
    User alex = ApplicationTestData.alex();
    return administrationWith(
        List.of(adele, alex, ApplicationTestData.megan()),
        List.of(
            device("c-adele-wipe", adele, ManagementState.WIPE_PENDING),
            device("a-adele-managed", adele, ManagementState.MANAGED),
            device("b-adele-unhealthy", adele, ManagementState.UNHEALTHY),
            device("d-alex-managed", alex, ManagementState.MANAGED),
            ManagedDevice.builder("e-kiosk", "").deviceName("kiosk").build()));
  }

  @Test
  default void givenTenant_whenContentsAsked_thenUsersInGivenOrderAndDevicesById() {
    Contents contents = tenant().administration().tenantContents();

    assertThat(contents.users())
        .containsExactly(
            ApplicationTestData.adele(), ApplicationTestData.alex(), ApplicationTestData.megan());
    assertThat(contents.devices())
        .extracting(ManagedDevice::id)
        .containsExactly(
            "a-adele-managed", "b-adele-unhealthy", "c-adele-wipe", "d-alex-managed", "e-kiosk");
  }

  @Test
  default void givenTenant_whenUserAndDeviceAdded_thenFoundListedSearchedAndPlanned() {
    Administering tenant = tenant();

    User added = tenant.administration().addUser(NEW_USER);
    ManagedDevice stored =
        tenant
            .administration()
            .addDevice(ManagedDevice.builder("b-new", NEW_USER.id()).build(), AT);

    assertThat(added).isEqualTo(NEW_USER);
    assertThat(stored.userPrincipalName()).as("takes its user's").isEqualTo("new.user@contoso.com");
    assertThat(tenant.directory().findByUserPrincipalName("NEW.USER@contoso.com"))
        .contains(NEW_USER);
    assertThat(tenant.administration().tenantContents().users()).endsWith(NEW_USER);
    assertThat(tenant.listing().listByUser(NEW_USER)).containsExactly(stored);
    assertThat(tenant.lookup().findDeviceById("B-NEW")).contains(stored);
    assertThat(tenant.allIds())
        .containsExactly(
            "a-adele-managed",
            "b-adele-unhealthy",
            "b-new",
            "c-adele-wipe",
            "d-alex-managed",
            "e-kiosk");
    assertThat(tenant.checkIns().nextCheckIn()).contains(AT.plus(Duration.ofHours(8)));
  }

  @Test
  default void givenTakenIdsOrUnknownUser_whenAdded_thenInvalidRequestAndTenantUnchanged() {
    Administering tenant = tenant();
    User adele = ApplicationTestData.adele();
    Contents before = tenant.administration().tenantContents();

    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .addUser(new User(adele.id().toUpperCase(Locale.ROOT), "x@contoso.com", "")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .addUser(new User(NEW_USER.id(), adele.userPrincipalName(), "")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(adele.userPrincipalName());
    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .addDevice(
                        device(
                            "A-ADELE-MANAGED", ApplicationTestData.alex(), ManagementState.MANAGED),
                        AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .addDevice(ManagedDevice.builder("z", NEW_USER.id()).build(), AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("names no user");
    assertThat(tenant.administration().tenantContents()).isEqualTo(before);
  }

  @Test
  default void givenDevice_whenRemoved_thenGoneEverywhereAndItsIdCanComeBackForAnotherUser() {
    Administering tenant = tenant();
    User adele = ApplicationTestData.adele();
    User megan = ApplicationTestData.megan();
    tenant.checkIns().planCheckIns(AT);

    assertThat(tenant.administration().removeDevice("A-ADELE-MANAGED")).isTrue();
    assertThat(tenant.administration().removeDevice("a-adele-managed")).isFalse();

    assertThat(tenant.lookup().findDeviceById("a-adele-managed")).isEmpty();
    assertThat(tenant.listing().listByUser(adele))
        .extracting(ManagedDevice::id)
        .containsExactly("b-adele-unhealthy", "c-adele-wipe");
    assertThat(tenant.allIds()).doesNotContain("a-adele-managed");

    ManagedDevice back =
        tenant
            .administration()
            .addDevice(device("A-adele-managed", megan, ManagementState.MANAGED), AT);

    assertThat(tenant.lookup().findDeviceById("a-adele-managed")).contains(back);
    assertThat(tenant.listing().listByUser(megan)).containsExactly(back);
    assertThat(tenant.allIds())
        .containsOnlyOnce("A-adele-managed")
        .doesNotContain("a-adele-managed");
    assertThat(tenant.checkIns().runCheckInsDue(AT.plus(Duration.ofHours(8))))
        .as("one check-in each, the removed device's plan forgotten")
        .isEqualTo(5);
  }

  @Test
  default void givenChangedTenant_whenReplacedThenReset_thenEachServedWholeAndTheFirstComesBack() {
    Administering tenant = tenant();
    User adele = ApplicationTestData.adele();
    Contents first = tenant.administration().tenantContents();
    tenant.retirement().retireAll(adele, AT, ApplicationTestData.audit());
    tenant.administration().addUser(NEW_USER);

    tenant
        .administration()
        .replaceTenant(
            new Contents(
                List.of(NEW_USER), List.of(ManagedDevice.builder("only", NEW_USER.id()).build())),
            AT);

    assertThat(tenant.administration().tenantContents().users()).containsExactly(NEW_USER);
    assertThat(tenant.directory().findById(adele.id())).isEmpty();
    assertThat(tenant.allIds()).containsExactly("only");
    assertThat(tenant.trail().searchEvents(AuditQuery.ALL, 10, Optional.empty()).events())
        .as("a new tenant starts a new trail")
        .isEmpty();
    assertThat(tenant.checkIns().nextCheckIn()).contains(AT.plus(Duration.ofHours(8)));

    tenant.retirement().retireAll(NEW_USER, AT, ApplicationTestData.audit());
    tenant.administration().resetTenant(AT.plusSeconds(1));

    assertThat(tenant.administration().tenantContents()).isEqualTo(first);
    assertThat(tenant.listing().listByUser(adele))
        .extracting(ManagedDevice::managementState)
        .doesNotContain(ManagementState.RETIRE_PENDING);
    assertThat(tenant.trail().searchEvents(AuditQuery.ALL, 10, Optional.empty()).events())
        .isEmpty();
    assertThat(tenant.checkIns().nextCheckIn())
        .contains(AT.plusSeconds(1).plus(Duration.ofHours(8)));
  }

  @Test
  default void
      givenInconsistentContents_whenReplaced_thenInvalidRequestNamingTheEntryAndTenantKept() {
    Administering tenant = tenant();
    User adele = ApplicationTestData.adele();
    Contents before = tenant.administration().tenantContents();

    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .replaceTenant(new Contents(List.of(adele, adele), List.of()), AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("users[1]: duplicate id");
    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .replaceTenant(
                        new Contents(
                            List.of(adele),
                            List.of(ManagedDevice.builder("x", NEW_USER.id()).build())),
                        AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "managedDevices[0] (id 'x'): userId '%s' names no user", NEW_USER.id());
    assertThatThrownBy(
            () ->
                tenant
                    .administration()
                    .replaceTenant(
                        new Contents(
                            List.of(adele),
                            List.of(
                                ManagedDevice.builder("x", "").build(),
                                ManagedDevice.builder("X", "").build())),
                        AT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("managedDevices[1]: duplicate id 'X'");
    assertThat(tenant.administration().tenantContents()).isEqualTo(before);
  }

  @Test
  default void givenOfflineDevice_whenAdded_thenNothingPlanned() {
    Administering tenant = administrationWith(List.of(ApplicationTestData.adele()), List.of());

    tenant
        .administration()
        .addDevice(
            device("x", ApplicationTestData.adele(), ManagementState.MANAGED).toBuilder()
                .checkInInterval(Optional.empty())
                .build(),
            AT);

    assertThat(tenant.checkIns().nextCheckIn()).isEmpty();
  }
}
