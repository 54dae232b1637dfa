package org.devicemanagement.application.port.in;

/** How many users and devices the tenant holds. */
public record TenantSize(int users, int devices) {

  /** Checks that both counts are not negative. */
  public TenantSize {
    if (users < 0 || devices < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative: %d, %d".formatted(users, devices));
    }
  }
}
