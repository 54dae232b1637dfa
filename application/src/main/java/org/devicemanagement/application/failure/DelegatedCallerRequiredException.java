package org.devicemanagement.application.failure;

/** {@code /me} was used by a caller with no signed-in user (an application). */
public final class DelegatedCallerRequiredException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  /** The message Graph gives for {@code /me} with an app-only token. */
  public DelegatedCallerRequiredException() {
    super(
        FailureKind.DELEGATED_CALLER_REQUIRED,
        "/me request is only valid with delegated authentication flow.");
  }
}
