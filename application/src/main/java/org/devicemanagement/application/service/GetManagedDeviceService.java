package org.devicemanagement.application.service;

import java.util.Objects;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.domain.ManagedDevice;

/** Reads one managed device after checking the caller may read devices. */
public final class GetManagedDeviceService implements GetManagedDeviceUseCase {

  private final PermissionPolicy policy;
  private final ManagedDeviceLookup devices;

  /** A service enforcing {@code policy} over the given devices. */
  public GetManagedDeviceService(PermissionPolicy policy, ManagedDeviceLookup devices) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.devices = Objects.requireNonNull(devices, "devices");
  }

  @Override
  public ManagedDevice getManagedDevice(GetManagedDeviceQuery query) {
    policy.authorize(query.caller(), Operation.GET_MANAGED_DEVICE);
    return devices
        .findDeviceById(query.deviceId())
        .orElseThrow(() -> new ManagedDeviceNotFoundException(query.deviceId()));
  }
}
