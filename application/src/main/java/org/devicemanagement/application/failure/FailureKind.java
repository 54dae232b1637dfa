package org.devicemanagement.application.failure;

/**
 * The closed set of the product's failure kinds; each name is the stable code callers and logs see.
 * A new kind makes every exhaustive {@code switch} over this type fail to compile until it is
 * mapped.
 */
public enum FailureKind {
  /** The user named by id, sign-in name or {@code /me} does not exist. */
  USER_NOT_FOUND,
  /** No managed device has the requested id. */
  DEVICE_NOT_FOUND,
  /** No audit event has the requested id. */
  AUDIT_EVENT_NOT_FOUND,
  /** The operation does not accept the caller's permission type at all. */
  PERMISSION_TYPE_NOT_SUPPORTED,
  /** The caller's permission type is accepted but it holds none of the accepted permissions. */
  MISSING_PERMISSION,
  /** {@code /me} was used by a caller with no signed-in user. */
  DELEGATED_CALLER_REQUIRED,
  /** The request is not well formed. */
  INVALID_REQUEST,
  /** The backend (Microsoft Graph) refused the access token. */
  BACKEND_TOKEN_REJECTED,
  /** The backend accepted the token but refused the operation. */
  BACKEND_FORBIDDEN,
  /** The backend kept throttling the call (429) after the retries. */
  BACKEND_THROTTLED,
  /** The backend did not answer in time: its own 504, no response in time, or a passed deadline. */
  BACKEND_TIMEOUT,
  /** The backend could not serve the call for any other reason (status, I/O, malformed answer). */
  BACKEND_UNAVAILABLE,
  /**
   * The backend was not called: as many calls to it as allowed were already in flight, and one more
   * would have waited for a free one.
   */
  BACKEND_SATURATED,
  /**
   * The caller sent more requests than the emulator's copy of Intune's throttling limits allows in
   * the current window.
   */
  REQUEST_THROTTLED,
  /**
   * The request would retire more devices than the tenant's daily limit leaves for the day, so it
   * retired none.
   */
  DAILY_RETIRE_LIMIT_EXCEEDED
}
