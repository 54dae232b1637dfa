package org.devicemanagement.application.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who performed an audited activity (Graph's {@code auditActor}): a signed-in user, an application
 * calling as itself, or the service itself (a device checking in).
 */
public record AuditActor(
    String type,
    String auditActorType,
    List<String> userPermissions,
    Optional<String> applicationId,
    Optional<String> applicationDisplayName,
    Optional<String> userPrincipalName,
    Optional<String> servicePrincipalName,
    Optional<String> ipAddress,
    Optional<String> userId) {

  /** Checks that every part is present and copies the permissions. */
  public AuditActor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(auditActorType, "auditActorType");
    userPermissions = List.copyOf(userPermissions);
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(applicationDisplayName, "applicationDisplayName");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(servicePrincipalName, "servicePrincipalName");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(userId, "userId");
  }
}
