package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.ComplianceState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.DeviceTransition;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagedDeviceOwnerType;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    assertThat(DeviceContractSupport.ids(listed)).hasSize(13).isSortedAccordingTo(Comparator.naturalOrder());
    assertSameDevices(listed, ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  default void givenTenant_whenListByOtherUser_thenOnlyThatUsersDevices() {
    UserDeviceListing devices = tenant();

    List<ManagedDevice> listed = devices.listByUser(alex());

    assertSameDevices(listed, ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices()));
    assertThat(listed).allSatisfy(d -> assertThat(d.userId()).isEqualToIgnoringCase(alex().id()));
    assertThat(DeviceContractSupport.ids(listed)).doesNotContainAnyElementsOf(DeviceContractSupport.ids(devices.listByUser(adele())));
  }

  @Test
  default void givenUserWithoutDevices_whenListByUser_thenEmpty() {
    assertThat(tenant().listByUser(megan())).isEmpty();
  }
}
