package org.devicemanagement.application.failure;

/** No managed device has the requested id. */
public final class ManagedDeviceNotFoundException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String deviceId;

  /** The device {@code deviceId} was not found. */
  public ManagedDeviceNotFoundException(String deviceId) {
    super(FailureKind.DEVICE_NOT_FOUND, "Managed device '%s' does not exist.".formatted(deviceId));
    this.deviceId = deviceId;
  }

  /** The id the caller gave. */
  public String deviceId() {
    return deviceId;
  }
}
