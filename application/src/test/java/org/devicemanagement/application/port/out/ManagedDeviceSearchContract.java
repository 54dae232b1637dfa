package org.devicemanagement.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DeviceFilter.Comparison;
import org.devicemanagement.application.query.DeviceFilter.Operator;
import org.devicemanagement.application.query.DeviceFilter.StartsWith;
import org.devicemanagement.application.query.DeviceOrder;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceProperty;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ManagedDeviceSearch} adapter must keep: the right devices (checked
 * against the filter evaluated over the seeded devices), in the asked order, paged without loss or
 * repetition, counted when asked. Without {@code $orderby} the order is the store's (by id in this
 * product's stores, Graph's own through the Graph adapter), so those tests compare sets. Implement
 * it in the adapter's tests; JUnit runs the inherited tests.
 */
public interface ManagedDeviceSearchContract extends DeviceContractSupport {

  /** An adapter whose tenant holds exactly {@code users} and {@code devices}, and nothing else. */
  ManagedDeviceSearch searchWith(List<User> users, List<ManagedDevice> devices);

  private ManagedDeviceSearch tenant() {
    return searchWith(ApplicationTestData.users(), ApplicationTestData.devices());
  }

  /** Every page of {@code query}, {@code pageSize} at a time, concatenated. */
  private static List<ManagedDevice> allPages(
      ManagedDeviceSearch search, DeviceQuery query, int pageSize) {
    List<ManagedDevice> all = new ArrayList<>();
    Optional<String> token = Optional.empty();
    for (int page = 0; page < 100; page++) {
      DevicePage result = search.search(query, pageSize, token);
      assertThat(result.devices()).hasSizeLessThanOrEqualTo(pageSize);
      all.addAll(result.devices());
      token = result.nextSkipToken();
      if (token.isEmpty()) {
        return all;
      }
    }
    throw new AssertionError("more than 100 pages");
  }

  private static List<ManagedDevice> byId(List<ManagedDevice> devices) {
    return devices.stream().sorted(Comparator.comparing(ManagedDevice::id)).toList();
  }

  private static List<String> expectedIds(DeviceFilter filter) {
    return ApplicationTestData.devices().stream()
        .filter(filter::test)
        .map(ManagedDevice::id)
        .sorted()
        .toList();
  }

  private static DeviceQuery filtered(DeviceFilter filter) {
    return new DeviceQuery(Optional.of(filter), List.of(), false);
  }

  @Test
  default void givenNoFilter_whenPagedThroughInThrees_thenEveryDeviceOnceInIdOrder() {
    List<ManagedDevice> listed = allPages(tenant(), DeviceQuery.ALL, 3);

    assertThat(DeviceContractSupport.ids(listed))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            ApplicationTestData.devices().stream().map(ManagedDevice::id).toList());
  }

  @Test
  default void givenUserIdEq_whenSearched_thenExactlyThatUsersDevices() {
    DeviceFilter filter = new Comparison(DeviceProperty.USER_ID, Operator.EQ, alex().id());

    List<ManagedDevice> listed = allPages(tenant(), filtered(filter), 1000);

    assertSameDevices(
        byId(listed), ApplicationTestData.devicesOf(alex(), ApplicationTestData.devices()));
  }

  @Test
  default void givenUserPrincipalNameEqInOtherCase_whenSearched_thenThatUsersDevices() {
    DeviceFilter filter =
        new Comparison(
            DeviceProperty.USER_PRINCIPAL_NAME,
            Operator.EQ,
            adele().userPrincipalName().toUpperCase(Locale.ROOT));

    List<ManagedDevice> listed = allPages(tenant(), filtered(filter), 5);

    assertThat(DeviceContractSupport.ids(byId(listed)))
        .containsExactlyElementsOf(
            DeviceContractSupport.ids(
                ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices())));
  }

  @Test
  default void givenEmptyUserIdEq_whenSearched_thenTheDevicesWithoutAUser() {
    DeviceFilter filter = new Comparison(DeviceProperty.USER_ID, Operator.EQ, "");

    assertThat(DeviceContractSupport.ids(allPages(tenant(), filtered(filter), 10)))
        .containsExactly(ApplicationTestData.unassignedDevice().id());
  }

  @Test
  default void givenCombinedFilters_whenSearched_thenWhatTheFilterSelectsFromTheSeed() {
    List<DeviceFilter> filters =
        List.of(
            DeviceFilter.and(
                new Comparison(DeviceProperty.USER_ID, Operator.EQ, adele().id()),
                new Comparison(DeviceProperty.OPERATING_SYSTEM, Operator.EQ, "windows")),
            DeviceFilter.or(
                new Comparison(DeviceProperty.USER_ID, Operator.EQ, alex().id()),
                new Comparison(
                    DeviceProperty.USER_PRINCIPAL_NAME, Operator.EQ, adele().userPrincipalName())),
            DeviceFilter.and(
                new Comparison(DeviceProperty.MANAGEMENT_STATE, Operator.NE, "managed"),
                new StartsWith(DeviceProperty.DEVICE_NAME, "dev-wipe")),
            DeviceFilter.or(
                new Comparison(DeviceProperty.COMPLIANCE_STATE, Operator.EQ, "compliant"),
                new Comparison(DeviceProperty.MANAGED_DEVICE_OWNER_TYPE, Operator.EQ, "personal")),
            new Comparison(
                DeviceProperty.ID, Operator.EQ, ApplicationTestData.unassignedDevice().id()),
            new Comparison(
                DeviceProperty.USER_ID, Operator.EQ, ApplicationTestData.unknownUserId()));
    ManagedDeviceSearch search = tenant();

    for (DeviceFilter filter : filters) {
      assertThat(DeviceContractSupport.ids(byId(allPages(search, filtered(filter), 2))))
          .as("%s", filter)
          .containsExactlyElementsOf(expectedIds(filter));
    }
  }

  @Test
  default void givenOrderByDeviceNameDesc_whenPaged_thenEveryDeviceOnceByNameDescending() {
    DeviceQuery query =
        new DeviceQuery(
            Optional.empty(), List.of(new DeviceOrder(DeviceProperty.DEVICE_NAME, true)), false);

    List<ManagedDevice> listed = allPages(tenant(), query, 4);

    assertThat(listed)
        .extracting(ManagedDevice::deviceName)
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER.reversed());
    assertThat(DeviceContractSupport.ids(listed))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            ApplicationTestData.devices().stream().map(ManagedDevice::id).toList());
  }

  @Test
  default void givenCount_whenFirstPageOfTwo_thenCountIsTheWholeListing() {
    DeviceFilter filter = new Comparison(DeviceProperty.USER_ID, Operator.EQ, adele().id());

    DevicePage page =
        tenant().search(new DeviceQuery(Optional.of(filter), List.of(), true), 2, Optional.empty());

    assertThat(page.devices()).hasSize(2);
    assertThat(page.count()).hasValue(13);
    assertThat(page.nextSkipToken()).isPresent();
  }

  @Test
  default void givenNoCountAsked_whenSearched_thenNoCount() {
    assertThat(tenant().search(DeviceQuery.ALL, 2, Optional.empty()).count()).isEmpty();
  }

  @Test
  default void givenGarbageSkipToken_whenSearched_thenInvalidRequest() {
    ManagedDeviceSearch search = tenant();

    assertThatThrownBy(() -> search.search(DeviceQuery.ALL, 2, Optional.of("not-a-token")))
        .isInstanceOf(InvalidRequestException.class);
  }
}
