package org.devicemanagement.application.failure;

import java.util.List;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionType;

/** The caller's permission type is accepted but it holds none of the accepted permissions. */
public final class MissingPermissionException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final Operation operation;
  private final PermissionType permissionType;
  private final List<String> acceptedPermissions;

  /**
   * {@code operation} needs one of {@code acceptedPermissions} for a caller of {@code
   * permissionType}.
   */
  public MissingPermissionException(
      Operation operation, PermissionType permissionType, List<String> acceptedPermissions) {
    super(
        FailureKind.MISSING_PERMISSION,
        "Missing permission for %s: a caller of type '%s' needs one of: %s."
            .formatted(
                operation.documentationTitle(),
                permissionType.displayName(),
                String.join(", ", acceptedPermissions)));
    this.operation = operation;
    this.permissionType = permissionType;
    this.acceptedPermissions = List.copyOf(acceptedPermissions);
  }

  /** The refused operation. */
  public Operation operation() {
    return operation;
  }

  /** The caller's permission type. */
  public PermissionType permissionType() {
    return permissionType;
  }

  /** The permissions any one of which would have been accepted. */
  public List<String> acceptedPermissions() {
    return acceptedPermissions;
  }
}
