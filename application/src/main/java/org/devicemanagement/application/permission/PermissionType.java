package org.devicemanagement.application.permission;

/** How a caller holds its permissions, as Microsoft Graph's permission tables distinguish them. */
public enum PermissionType {
  DELEGATED_WORK_OR_SCHOOL("Delegated (work or school account)"),
  DELEGATED_PERSONAL("Delegated (personal Microsoft account)"),
  APPLICATION("Application");

  private final String displayName;

  PermissionType(String displayName) {
    this.displayName = displayName;
  }

  /** The name Graph's documentation gives this permission type. */
  public String displayName() {
    return displayName;
  }

  /** Whether a signed-in user stands behind the call (so {@code /me} means something). */
  public boolean isDelegated() {
    return this != APPLICATION;
  }
}
