package org.devicemanagement.application.failure;

/** The user named by id, sign-in name or {@code /me} does not exist in the tenant. */
public final class UserNotFoundException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  private final String reference;

  /** The user {@code reference} (an id or a userPrincipalName) was not found. */
  public UserNotFoundException(String reference) {
    super(FailureKind.USER_NOT_FOUND, "User '%s' does not exist.".formatted(reference));
    this.reference = reference;
  }

  /** The id or sign-in name the caller gave. */
  public String reference() {
    return reference;
  }
}
