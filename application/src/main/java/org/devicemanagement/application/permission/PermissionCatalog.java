package org.devicemanagement.application.permission;

import static org.devicemanagement.application.permission.PermissionType.APPLICATION;
import static org.devicemanagement.application.permission.PermissionType.DELEGATED_WORK_OR_SCHOOL;
import static org.devicemanagement.application.permission.Permissions.DIRECTORY_READ_ALL;
import static org.devicemanagement.application.permission.Permissions.DIRECTORY_READ_WRITE_ALL;
import static org.devicemanagement.application.permission.Permissions.PRIVILEGED_OPERATIONS_ALL;
import static org.devicemanagement.application.permission.Permissions.READ_ALL;
import static org.devicemanagement.application.permission.Permissions.READ_WRITE_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_BASIC_ALL;
import static org.devicemanagement.application.permission.Permissions.USER_READ_WRITE_ALL;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The permission table of every operation; which catalog applies is configuration. */
public record PermissionCatalog(String name, Map<Operation, PermissionTable> tables) {

  private static final PermissionTable READ_DEVICES =
      PermissionTable.builder()
          .allow(DELEGATED_WORK_OR_SCHOOL, READ_WRITE_ALL, READ_ALL)
          .allow(APPLICATION, READ_WRITE_ALL, READ_ALL)
          .build();

  // Graph's "Get user" table (least to most privileged, as Graph lists them); personal accounts are
  // not supported because this product serves work or school tenants only.
  private static final PermissionTable READ_USERS =
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

  /** Checks that every operation has a table. */
  public PermissionCatalog {
    Objects.requireNonNull(name, "name");
    tables = Map.copyOf(tables);
    for (Operation operation : Operation.values()) {
      if (!tables.containsKey(operation)) {
        throw new IllegalArgumentException(
            "permission catalog '%s' has no table for %s".formatted(name, operation));
      }
    }
  }

  /** The seed page's tables: retire-all for delegated work or school callers only. */
  public static PermissionCatalog seed() {
    return of(
        "seed",
        PermissionTable.builder().allow(DELEGATED_WORK_OR_SCHOOL, PRIVILEGED_OPERATIONS_ALL).build());
  }

  /** The later Graph documentation's tables: retire-all also for applications. */
  public static PermissionCatalog current() {
    return of(
        "current",
        PermissionTable.builder()
            .allow(DELEGATED_WORK_OR_SCHOOL, PRIVILEGED_OPERATIONS_ALL)
            .allow(APPLICATION, PRIVILEGED_OPERATIONS_ALL)
            .build());
  }

  /** The catalog called {@code name} ({@code seed} or {@code current}, ignoring case). */
  public static PermissionCatalog named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "seed" -> seed();
      case "current" -> current();
      default ->
          throw new IllegalArgumentException(
              "unknown permission table '%s'; expected seed or current".formatted(name));
    };
  }

  /** The table of {@code operation}. */
  public PermissionTable tableFor(Operation operation) {
    PermissionTable table = tables.get(operation);
    if (table == null) {
      throw new IllegalStateException("no table for " + operation);
    }
    return table;
  }

  private static PermissionCatalog of(String name, PermissionTable retireAll) {
    Map<Operation, PermissionTable> tables = new EnumMap<>(Operation.class);
    tables.put(Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT, retireAll);
    tables.put(Operation.LIST_MANAGED_DEVICES, READ_DEVICES);
    tables.put(Operation.GET_MANAGED_DEVICE, READ_DEVICES);
    tables.put(Operation.GET_USER, READ_USERS);
    return new PermissionCatalog(name, tables);
  }
}
