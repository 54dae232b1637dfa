package org.devicemanagement.application.permission;

/** The operations whose permissions are checked. */
public enum Operation {
  REMOVE_ALL_DEVICES_FROM_MANAGEMENT(Names.REMOVE_ALL_DEVICES_FROM_MANAGEMENT),
  LIST_MANAGED_DEVICES("list managedDevices"),
  GET_MANAGED_DEVICE("get managedDevice"),
  GET_USER("get user");

  private final String documentationTitle;

  Operation(String documentationTitle) {
    this.documentationTitle = documentationTitle;
  }

  /**
   * The title of the operation's page in Graph's documentation (such as {@code list
   * managedDevices}), as refusals name it.
   */
  public String documentationTitle() {
    return documentationTitle;
  }

  /** Graph's names of the actions, as constants that annotations (routes) can use. */
  public static final class Names {
    /** Graph's action retiring every device of a user. */
    public static final String REMOVE_ALL_DEVICES_FROM_MANAGEMENT =
        "removeAllDevicesFromManagement";

    private Names() {}
  }
}
