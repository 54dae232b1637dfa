package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.util.Comparator;
import java.util.List;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link UserDeviceListing} adapter must keep. Implement it in the adapter's
 * tests and return an adapter whose tenant holds exactly the given users and devices; JUnit runs
 * the inherited tests.
 */
public interface UserDeviceListingContract extends DeviceContractSupport {

  /** An adapter whose tenant holds exactly {@code users} and {@code devices}, and nothing else. */
  UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices);

  private UserDeviceListing tenant() {
    return listingWith(ApplicationTestData.users(), ApplicationTestData.devices());
  }

  @Test
  default void givenTenant_whenListByUser_thenExactlyThatUsersDevicesOrderedById() {
    List<ManagedDevice> listed = tenant().listByUser(adele());

    assertThat(DeviceContractSupport.ids(listed))
        .hasSize(13)
        .isSortedAccordingTo(Comparator.naturalOrder());
    assertSameDevices(
        listed, ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  default void givenTenant_whenListByOtherUser_thenOnlyThatUsersDevices() {
    UserDeviceListing devices = tenant();

    List<ManagedDevice> listed = devices.listByUser(alex());

    assertSameDevices(
        listed, ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices()));
    assertThat(listed).allSatisfy(d -> assertThat(d.userId()).isEqualToIgnoringCase(alex().id()));
    assertThat(DeviceContractSupport.ids(listed))
        .doesNotContainAnyElementsOf(DeviceContractSupport.ids(devices.listByUser(adele())));
  }

  @Test
  default void givenUserWithoutDevices_whenListByUser_thenEmpty() {
    assertThat(tenant().listByUser(megan())).isEmpty();
  }
}
