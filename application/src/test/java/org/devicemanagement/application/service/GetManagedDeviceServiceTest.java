package org.devicemanagement.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.application.ApplicationTestData.adele;

import org.devicemanagement.application.ApplicationTestData;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;
import org.devicemanagement.application.fake.FakeManagedDevices;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;

class GetManagedDeviceServiceTest {

  private final GetManagedDeviceService service =
      new GetManagedDeviceService(
          new PermissionPolicy(PermissionCatalog.seed()),
          new FakeManagedDevices(ApplicationTestData.devices()));

  private ManagedDevice get(Caller caller, String id) {
    return service.getManagedDevice(new GetManagedDeviceQuery(caller, id));
  }

  @Test
  void givenReader_whenGetExistingDevice_thenDevice() {
    ManagedDevice expected = ApplicationTestData.device(adele(), ManagementState.WIPE_FAILED);

    assertThat(get(ApplicationTestData.delegatedReader(), expected.id())).isEqualTo(expected);
  }

  @Test
  void givenApplicationReader_whenGetDevice_thenDevice() {
    ManagedDevice expected = ApplicationTestData.unassignedDevice();

    assertThat(get(ApplicationTestData.application(Permissions.READ_ALL), expected.id()))
        .isEqualTo(expected);
  }

  @Test
  void givenReader_whenGetUnknownDevice_thenDeviceNotFoundNamingId() {
    String unknown = ApplicationTestData.unknownDeviceId();

    assertThatThrownBy(() -> get(ApplicationTestData.delegatedReader(), unknown))
        .isInstanceOfSatisfying(
            ManagedDeviceNotFoundException.class,
            e -> {
              assertThat(e.deviceId()).isEqualTo(unknown);
              assertThat(e.code()).isEqualTo("DEVICE_NOT_FOUND");
            })
        .hasMessageContaining(unknown);
  }

  @Test
  void givenCallerWithoutReadScope_whenGetUnknownDevice_thenMissingPermissionNotNotFound() {
    Caller privilegedOnly = ApplicationTestData.privilegedAdmin();

    assertThatThrownBy(() -> get(privilegedOnly, ApplicationTestData.unknownDeviceId()))
        .isInstanceOf(MissingPermissionException.class);
  }

  @Test
  void givenPersonalAccount_whenGetDevice_thenTypeNotSupported() {
    String id = ApplicationTestData.unassignedDevice().id();

    assertThatThrownBy(() -> get(ApplicationTestData.personal(Permissions.READ_ALL), id))
        .isInstanceOf(PermissionTypeNotSupportedException.class);
  }
}
