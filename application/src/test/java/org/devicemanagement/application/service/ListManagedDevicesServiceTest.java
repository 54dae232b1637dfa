package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.adele;
import static org.devicemanagement.application.ApplicationTestData.alex;
import static org.devicemanagement.application.ApplicationTestData.megan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.DelegatedCallerRequiredException;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.fake.FakeUserDirectory;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListManagedDevicesServiceTest {

  private FakeUserDirectory directory;
  private FakeManagedDevices devices;
  private ListManagedDevicesService service;

  @BeforeEach
  void tenant() {
    directory = new FakeUserDirectory(ApplicationTestData.users());
    devices = new FakeManagedDevices(ApplicationTestData.devices());
    service =
        new ListManagedDevicesService(
            new PermissionPolicy(PermissionCatalog.seed()), directory, devices, devices);
  }

  private DevicePage page(UserReference user, int pageSize, Optional<String> skipToken) {
    return service.listManagedDevices(
        new ListManagedDevicesQuery(
            ApplicationTestData.delegatedReader(),
            Optional.of(user),
            DeviceQuery.ALL,
            pageSize,
            skipToken));
  }

  private static List<String> ids(List<ManagedDevice> devices) {
    return devices.stream().map(ManagedDevice::id).toList();
  }

  private static List<String> adelesIdsInOrder() {
    return ids(ApplicationTestData.devicesOf(adele(), ApplicationTestData.devices()));
  }

  @Test
  void givenThirteenDevices_whenPagingByFive_thenPagesOfFiveFiveThreeInIdOrder() {
    UserReference user = UserReference.parse(adele().id());

    DevicePage first = page(user, 5, Optional.empty());
    DevicePage second = page(user, 5, first.nextSkipToken());
    DevicePage third = page(user, 5, second.nextSkipToken());

    assertThat(first.devices()).hasSize(5);
    assertThat(second.devices()).hasSize(5);
    assertThat(third.devices()).hasSize(3);
    assertThat(first.nextSkipToken()).isPresent();
    assertThat(second.nextSkipToken()).isPresent().isNotEqualTo(first.nextSkipToken());
    assertThat(third.nextSkipToken()).isEmpty();
    List<String> all = new ArrayList<>(ids(first.devices()));
    all.addAll(ids(second.devices()));
    all.addAll(ids(third.devices()));
    assertThat(all).containsExactlyElementsOf(adelesIdsInOrder());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 6, 7, 12, 13, 14, 1000})
  void givenAnyPageSize_whenPagingToTheEnd_thenEveryDeviceOnceInOrderAndLastPageHasNoToken(
      int pageSize) {
    UserReference user = UserReference.parse(adele().userPrincipalName());
    List<String> seen = new ArrayList<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      DevicePage page = page(user, pageSize, token);
      assertThat(page.devices()).hasSizeLessThanOrEqualTo(pageSize).isNotEmpty();
      seen.addAll(ids(page.devices()));
      token = page.nextSkipToken();
      pages++;
    } while (token.isPresent() && pages <= 13);

    assertThat(seen).containsExactlyElementsOf(adelesIdsInOrder());
    assertThat(pages).isEqualTo((13 + pageSize - 1) / pageSize);
  }

  @Test
  void givenPageExactlyFull_whenListing_thenNoToken() {
    DevicePage page = page(UserReference.parse(alex().id()), 3, Optional.empty());

    assertThat(ids(page.devices()))
        .containsExactlyElementsOf(
            ids(ApplicationTestData.devicesOf(alex(), ApplicationTestData.alexDevices())));
    assertThat(page.nextSkipToken()).isEmpty();
  }

  @Test
  void givenLastServedDeviceRemoved_whenContinuing_thenNextPageStartsAfterIt() {
    UserReference user = UserReference.parse(adele().id());
    DevicePage first = page(user, 5, Optional.empty());
    devices.remove(first.devices().get(4).id());

    DevicePage second = page(user, 5, first.nextSkipToken());

    assertThat(ids(second.devices())).containsExactlyElementsOf(adelesIdsInOrder().subList(5, 10));
  }

  @Test
  void givenUserWithoutDevices_whenListing_thenEmptyPageWithoutToken() {
    DevicePage page = page(UserReference.parse(megan().id()), 10, Optional.empty());

    assertThat(page.devices()).isEmpty();
    assertThat(page.nextSkipToken()).isEmpty();
  }

  @Test
  void givenMe_whenDelegatedReader_thenSignedInUsersDevices() {
    Caller adeleReading = ApplicationTestData.delegatedAs(adele(), Permissions.READ_ALL);

    DevicePage page =
        service.listManagedDevices(
            new ListManagedDevicesQuery(
                adeleReading,
                Optional.of(new UserReference.SignedInUser()),
                DeviceQuery.ALL,
                100,
                Optional.empty()));

    assertThat(ids(page.devices())).containsExactlyElementsOf(adelesIdsInOrder());
  }

  @Test
  void givenMe_whenApplicationCaller_thenDelegatedCallerRequiredBeforePermissionCheck() {
    // An application without roles would otherwise fail the permission check.
    Caller app = ApplicationTestData.application();

    assertThatThrownBy(
            () ->
                service.listManagedDevices(
                    new ListManagedDevicesQuery(
                        app,
                        Optional.of(new UserReference.SignedInUser()),
                        DeviceQuery.ALL,
                        10,
                        Optional.empty())))
        .isInstanceOf(DelegatedCallerRequiredException.class);
    assertThat(directory.lookups()).isEmpty();
  }

  @Test
  void givenApplicationReader_whenListingById_thenDevices() {
    DevicePage page =
        service.listManagedDevices(
            new ListManagedDevicesQuery(
                ApplicationTestData.application(Permissions.READ_WRITE_ALL),
                Optional.of(UserReference.parse(alex().id())),
                DeviceQuery.ALL,
                10,
                Optional.empty()));

    assertThat(page.devices()).hasSize(3);
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a token!", "%%%", "", "YWZ0ZXI6", "YmVmb3JlOmFiYw"})
  void givenBadSkipToken_whenListing_thenInvalidRequest(String token) {
    UserReference user = UserReference.parse(adele().id());

    assertThatThrownBy(() -> page(user, 5, Optional.of(token)))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"))
        .hasMessageContaining("$skiptoken");
  }

  @Test
  void givenBadTokensSpelledOut_whenChecked_thenTheyAreWhatTheTestClaims() {
    // "YWZ0ZXI6" is the prefix with no id; "YmVmb3JlOmFiYw" a foreign prefix.
    assertThat(base64("after:")).isEqualTo("YWZ0ZXI6");
    assertThat(base64("before:abc")).isEqualTo("YmVmb3JlOmFiYw");
  }

  @Test
  void givenUnknownUser_whenListing_thenUserNotFound() {
    assertThatThrownBy(
            () ->
                page(UserReference.parse(ApplicationTestData.unknownUserId()), 5, Optional.empty()))
        .isInstanceOf(UserNotFoundException.class);
  }

  @Test
  void givenCallerWithoutReadScope_whenListingUnknownUser_thenMissingPermissionBeforeLookup() {
    Caller privilegedOnly =
        ApplicationTestData.delegatedAs(adele(), Permissions.PRIVILEGED_OPERATIONS_ALL);

    assertThatThrownBy(
            () ->
                service.listManagedDevices(
                    new ListManagedDevicesQuery(
                        privilegedOnly,
                        Optional.of(UserReference.parse(ApplicationTestData.unknownUserId())),
                        DeviceQuery.ALL,
                        5,
                        Optional.empty())))
        .isInstanceOf(MissingPermissionException.class);
    assertThat(directory.lookups()).isEmpty();
  }

  @Test
  void givenPersonalAccount_whenListing_thenTypeNotSupportedBeforeLookup() {
    assertThatThrownBy(
            () ->
                service.listManagedDevices(
                    new ListManagedDevicesQuery(
                        ApplicationTestData.personal(Permissions.READ_ALL),
                        Optional.of(UserReference.parse(adele().id())),
                        DeviceQuery.ALL,
                        5,
                        Optional.empty())))
        .isInstanceOf(PermissionTypeNotSupportedException.class);
    assertThat(directory.lookups()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001})
  void givenPageSizeOutOfRange_whenQueryCreated_thenRefused(int pageSize) {
    assertThatThrownBy(
            () ->
                new ListManagedDevicesQuery(
                    ApplicationTestData.delegatedReader(),
                    Optional.of(new UserReference.SignedInUser()),
                    DeviceQuery.ALL,
                    pageSize,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(pageSize));
  }
}
