package org.devicemanagement.application.permission;

import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.failure.MissingPermissionException;
import org.devicemanagement.application.failure.PermissionTypeNotSupportedException;

/** The one policy that enforces every operation's permission table for every caller. */
public final class PermissionPolicy {

  private final PermissionCatalog catalog;

  /** A policy enforcing {@code catalog}. */
  public PermissionPolicy(PermissionCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** The catalog this policy enforces. */
  public PermissionCatalog catalog() {
    return catalog;
  }

  /**
   * Lets the call through or says why not.
   *
   * @throws PermissionTypeNotSupportedException if the operation does not support the caller's type
   * @throws MissingPermissionException if the caller holds none of the accepted permissions
   */
  public void authorize(Caller caller, Operation operation) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(operation, "operation");
    PermissionTable table = catalog.tableFor(operation);
    PermissionType type = caller.permissionType();
    if (!table.supports(type)) {
      throw new PermissionTypeNotSupportedException(operation, type, table);
    }
    List<String> accepted = table.acceptedFor(type);
    for (String permission : caller.permissions()) {
      for (String acceptedPermission : accepted) {
        if (Permissions.same(permission, acceptedPermission)) {
          return;
        }
      }
    }
    throw new MissingPermissionException(operation, type, table.acceptedFor(type));
  }
}
