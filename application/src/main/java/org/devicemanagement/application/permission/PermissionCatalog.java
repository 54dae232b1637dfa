package org.devicemanagement.application.permission;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The permission table of every operation; which catalog applies is configuration. */
public record PermissionCatalog(String name, Map<Operation, PermissionTable> tables) {

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
    return of("seed", Operation::seedTable);
  }

  /** The later Graph documentation's tables: retire-all also for applications. */
  public static PermissionCatalog current() {
    return of("current", Operation::currentTable);
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

  private static PermissionCatalog of(String name, Function<Operation, PermissionTable> table) {
    Map<Operation, PermissionTable> tables = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      tables.put(operation, table.apply(operation));
    }
    return new PermissionCatalog(name, tables);
  }
}
