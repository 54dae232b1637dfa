package org.devicemanagement.application.permission;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation's permission table, as data: for each permission type, the permissions that are
 * accepted (from most to least privileged); a type with none is not supported.
 */
public record PermissionTable(Map<PermissionType, List<String>> accepted) {

  /** Copies the table, keeping every type's list in order. */
  public PermissionTable {
    Objects.requireNonNull(accepted, "accepted");
    EnumMap<PermissionType, List<String>> copy = new EnumMap<>(PermissionType.class);
    for (PermissionType type : PermissionType.values()) {
      copy.put(type, List.copyOf(accepted.getOrDefault(type, List.of())));
    }
    accepted = Map.copyOf(copy);
  }

  /** Starts an empty table, where no permission type is supported. */
  public static Builder builder() {
    return new Builder();
  }

  /** The permissions accepted for {@code type}; empty when the type is not supported. */
  public List<String> acceptedFor(PermissionType type) {
    return accepted.getOrDefault(type, List.of());
  }

  /** Whether the table supports {@code type} at all. */
  public boolean supports(PermissionType type) {
    return !acceptedFor(type).isEmpty();
  }

  /** The permission types the table supports, in declaration order. */
  public List<PermissionType> supportedTypes() {
    return Arrays.stream(PermissionType.values()).filter(this::supports).toList();
  }

  /** Builds a {@link PermissionTable} one permission type at a time. */
  public static final class Builder {
    private final EnumMap<PermissionType, List<String>> rows = new EnumMap<>(PermissionType.class);

    private Builder() {}

    /** Accepts {@code permissions} for {@code type}. */
    public Builder allow(PermissionType type, String... permissions) {
      rows.put(type, List.of(permissions));
      return this;
    }

    /** Builds the table. */
    public PermissionTable build() {
      return new PermissionTable(rows);
    }
  }
}
