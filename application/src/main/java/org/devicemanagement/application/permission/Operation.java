package org.devicemanagement.application.permission;

/** The operations whose permissions are checked, named as Graph names them. */
public enum Operation {
  REMOVE_ALL_DEVICES_FROM_MANAGEMENT("removeAllDevicesFromManagement"),
  LIST_MANAGED_DEVICES("list managedDevices"),
  GET_MANAGED_DEVICE("get managedDevice"),
  GET_USER("get user");

  private final String graphName;

  Operation(String graphName) {
    this.graphName = graphName;
  }

  /** The name used in messages. */
  public String graphName() {
    return graphName;
  }
}
