package org.devicemanagement.application.failure;

import java.util.stream.Collectors;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionTable;
import org.devicemanagement.application.permission.PermissionType;

/** The operation does not accept the caller's permission type at all. */
public final class PermissionTypeNotSupportedException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final Operation operation;
  private final PermissionType permissionType;
  private final transient PermissionTable table;

  /**
   * {@code operation} refused a caller of {@code permissionType}; {@code table} says who is
   * accepted.
   */
  public PermissionTypeNotSupportedException(
      Operation operation, PermissionType permissionType, PermissionTable table) {
    super(FailureKind.PERMISSION_TYPE_NOT_SUPPORTED, message(operation, permissionType, table));
    this.operation = operation;
    this.permissionType = permissionType;
    this.table = table;
  }

  /** The refused operation. */
  public Operation operation() {
    return operation;
  }

  /** The caller's permission type. */
  public PermissionType permissionType() {
    return permissionType;
  }

  /** The operation's table: the types and permissions that would have been accepted. */
  public PermissionTable table() {
    return table;
  }

  private static String message(Operation operation, PermissionType type, PermissionTable table) {
    String accepted =
        table.supportedTypes().stream()
            .map(
                t ->
                    "%s with %s"
                        .formatted(t.displayName(), String.join(" or ", table.acceptedFor(t))))
            .collect(Collectors.joining("; "));
    return "The permission type '%s' is not supported for %s. Accepted: %s."
        .formatted(
            type.displayName(),
            operation.documentationTitle(),
            accepted.isEmpty() ? "none" : accepted);
  }
}
