package org.devicemanagement.application.failure;

import java.util.Objects;

/**
 * The root of the product's failures: each has a stable UPPER_SNAKE {@link #code()} and carries its
 * data as fields, never an HTTP status.
 */
public abstract class DeviceManagementException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  /** A failure with the stable {@code code} and a message fit to show the caller. */
  protected DeviceManagementException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** A failure caused by {@code cause}, whose message is not shown to callers. */
  protected DeviceManagementException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable code of this kind of failure. */
  public String code() {
    return code;
  }
}
