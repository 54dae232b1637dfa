package org.devicemanagement.application.permission;

import static org.devicemanagement.application.permission.PermissionType.APPLICATION;
import static org.devicemanagement.application.permission.PermissionType.DELEGATED_WORK_OR_SCHOOL;
import static org.devicemanagement.application.permission.Permissions.APPS_READ_ALL;
import static org.devicemanagement.application.permission.Permissions.APPS_READ_WRITE_ALL;
import static org.devicemanagement.application.permission.Permissions.DIRECTORY_READ_ALL;
import static org.devicemanagement.application.permission.Permissions.DIRECTORY_READ_WRITE_ALL;
import static org.devicemanagement.application.permission.Permissions.PRIVILEGED_OPERATIONS_ALL;
import static org.devicemanagement.application.permission.Permissions.READ_ALL;
import static org.devicemanagement.application.permission.Permissions.READ_WRITE_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_BASIC_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_WRITE_ALL;

/**
 * The operations whose permissions are checked, each with its permission table in the seed catalog
 * (the seed documentation page's) and in the current one (the later Graph documentation's), so an
 * operation and who may call it are declared in one place: the exhaustive switches below do not
 * compile until a new operation has its tables.
 */
public enum Operation {
  REMOVE_ALL_DEVICES_FROM_MANAGEMENT(Names.REMOVE_ALL_DEVICES_FROM_MANAGEMENT),
  LIST_MANAGED_DEVICES("list managedDevices"),
  GET_MANAGED_DEVICE("get managedDevice"),
  GET_USER("get user"),
  LIST_AUDIT_EVENTS("list auditEvents"),
  GET_AUDIT_EVENT("get auditEvent"),
  GET_AUDIT_CATEGORIES("getAuditCategories"),
  GET_AUDIT_ACTIVITY_TYPES("getAuditActivityTypes");

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

  /** Who may call the operation under the seed catalog. */
  public PermissionTable seedTable() {
    return switch (this) {
      case REMOVE_ALL_DEVICES_FROM_MANAGEMENT -> Tables.PRIVILEGED_DELEGATED;
      case LIST_MANAGED_DEVICES, GET_MANAGED_DEVICE -> Tables.READ_DEVICES;
      case GET_USER -> Tables.READ_USERS;
      case LIST_AUDIT_EVENTS, GET_AUDIT_EVENT, GET_AUDIT_CATEGORIES, GET_AUDIT_ACTIVITY_TYPES ->
          Tables.READ_AUDIT;
    };
  }

  /** Who may call the operation under the current catalog. */
  public PermissionTable currentTable() {
    return switch (this) {
      case REMOVE_ALL_DEVICES_FROM_MANAGEMENT -> Tables.PRIVILEGED_DELEGATED_OR_APPLICATION;
      case LIST_MANAGED_DEVICES, GET_MANAGED_DEVICE -> Tables.READ_DEVICES;
      case GET_USER -> Tables.READ_USERS;
      case LIST_AUDIT_EVENTS, GET_AUDIT_EVENT, GET_AUDIT_CATEGORIES, GET_AUDIT_ACTIVITY_TYPES ->
          Tables.READ_AUDIT;
    };
  }

  /** Graph's names of the actions, as constants that annotations (routes) can use. */
  public static final class Names {
    /** Graph's action retiring every device of a user. */
    public static final String REMOVE_ALL_DEVICES_FROM_MANAGEMENT =
        "removeAllDevicesFromManagement";

    private Names() {}
  }

  /** The permission tables the operations share. */
  private static final class Tables {

    /** The seed page: retire-all for delegated work or school callers only. */
    static final PermissionTable PRIVILEGED_DELEGATED =
        PermissionTable.builder()
            .allow(DELEGATED_WORK_OR_SCHOOL, PRIVILEGED_OPERATIONS_ALL)
            .build();

    /** The later Graph documentation: retire-all also for applications. */
    static final PermissionTable PRIVILEGED_DELEGATED_OR_APPLICATION =
        PermissionTable.builder()
            .allow(DELEGATED_WORK_OR_SCHOOL, PRIVILEGED_OPERATIONS_ALL)
            .allow(APPLICATION, PRIVILEGED_OPERATIONS_ALL)
            .build();

    static final PermissionTable READ_DEVICES =
        PermissionTable.builder()
            .allow(DELEGATED_WORK_OR_SCHOOL, READ_WRITE_ALL, READ_ALL)
            .allow(APPLICATION, READ_WRITE_ALL, READ_ALL)
            .build();

    // Graph's "Get user" table (least to most privileged, as Graph lists them); personal accounts
    // are not supported because this product serves work or school tenants only.
    static final PermissionTable READ_USERS =
        PermissionTable.builder()
            .allow(
                DELEGATED_WORK_OR_SCHOOL,
                USER_READ_BASIC_ALL,
                USER_READ_ALL,
                USER_READ_WRITE_ALL,
                DIRECTORY_READ_ALL,
                DIRECTORY_READ_WRITE_ALL)
            .allow(
                APPLICATION,
                USER_READ_ALL,
                USER_READ_WRITE_ALL,
                DIRECTORY_READ_ALL,
                DIRECTORY_READ_WRITE_ALL)
            .build();

    // Graph's "List auditEvents" table, which its auditEvent functions share.
    static final PermissionTable READ_AUDIT =
        PermissionTable.builder()
            .allow(DELEGATED_WORK_OR_SCHOOL, APPS_READ_ALL, APPS_READ_WRITE_ALL)
            .allow(APPLICATION, APPS_READ_ALL, APPS_READ_WRITE_ALL)
            .build();

    private Tables() {}
  }
}
