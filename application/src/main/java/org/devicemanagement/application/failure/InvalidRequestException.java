package org.devicemanagement.application.failure;

/** The request is not well formed (a bad paging token, an out-of-range page size, ...). */
public final class InvalidRequestException extends DeviceManagementException {

  private static final long serialVersionUID = 1L;

  /** The request is invalid for the reason {@code message}, which is shown to the caller. */
  public InvalidRequestException(String message) {
    super(FailureKind.INVALID_REQUEST, message);
  }
}
