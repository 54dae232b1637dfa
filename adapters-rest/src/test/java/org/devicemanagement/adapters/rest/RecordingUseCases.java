package org.devicemanagement.adapters.rest;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.RetireAllResult;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The real services as the resources see them, recording every command and query the resources hand
 * over before passing it on unchanged: what the HTTP layer asked of the application.
 */
final class RecordingUseCases
    implements RemoveAllDevicesFromManagementUseCase,
        ListManagedDevicesUseCase,
        GetManagedDeviceUseCase,
        GetUserUseCase {

  private final RemoveAllDevicesFromManagementUseCase removeAll;
  private final ListManagedDevicesUseCase list;
  private final GetManagedDeviceUseCase getDevice;
  private final GetUserUseCase getUser;
  private final List<Object> received = new CopyOnWriteArrayList<>();

  RecordingUseCases(
      RemoveAllDevicesFromManagementUseCase removeAll,
      ListManagedDevicesUseCase list,
      GetManagedDeviceUseCase getDevice,
      GetUserUseCase getUser) {
    this.removeAll = Objects.requireNonNull(removeAll, "removeAll");
    this.list = Objects.requireNonNull(list, "list");
    this.getDevice = Objects.requireNonNull(getDevice, "getDevice");
    this.getUser = Objects.requireNonNull(getUser, "getUser");
  }

  /** Every command and query received since the last {@link #forget()}, in order. */
  List<Object> received() {
    return List.copyOf(received);
  }

  void forget() {
    received.clear();
  }

  @Override
  public RetireAllResult retireAll(RemoveAllDevicesFromManagementCommand command) {
    received.add(command);
    return removeAll.retireAll(command);
  }

  @Override
  public DeviceManagementException refused(
      RemoveAllDevicesFromManagementCommand command, DeviceManagementException failure) {
    received.add(command);
    return removeAll.refused(command, failure);
  }

  @Override
  public DevicePage listManagedDevices(ListManagedDevicesQuery query) {
    received.add(query);
    return list.listManagedDevices(query);
  }

  @Override
  public ManagedDevice getManagedDevice(GetManagedDeviceQuery query) {
    received.add(query);
    return getDevice.getManagedDevice(query);
  }

  @Override
  public User getUser(GetUserQuery query) {
    received.add(query);
    return getUser.getUser(query);
  }
}
