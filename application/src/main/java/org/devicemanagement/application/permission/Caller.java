package org.devicemanagement.application.permission;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the permission type, the identity the token names and the permissions granted to
 * it (scopes for delegated callers, app roles for applications).
 */
public record Caller(
    PermissionType permissionType,
    String tenantId,
    Optional<String> objectId,
    Optional<String> userPrincipalName,
    Optional<String> appId,
    Set<String> permissions) {

  /** Checks that every part is present and copies the permissions. */
  public Caller {
    Objects.requireNonNull(permissionType, "permissionType");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(appId, "appId");
    permissions = Set.copyOf(permissions);
  }

  /** A delegated caller in a work or school tenant. */
  public static Caller delegated(
      String tenantId, Optional<String> objectId, Optional<String> upn, Set<String> scopes) {
    return new Caller(
        PermissionType.DELEGATED_WORK_OR_SCHOOL, tenantId, objectId, upn, Optional.empty(), scopes);
  }

  /** An application calling as itself with the given app roles. */
  public static Caller application(String tenantId, String appId, Set<String> roles) {
    return new Caller(
        PermissionType.APPLICATION,
        tenantId,
        Optional.empty(),
        Optional.empty(),
        Optional.of(appId),
        roles);
  }
}
