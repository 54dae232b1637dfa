package org.devicemanagement.adapters.rest.limits;

import java.util.Locale;
import java.util.Objects;

/**
 * Which of Intune's limits the emulator applies: none, or Intune's, with or without Retry-After.
 */
public enum LimitsMode {
  /** No limit: every request is served (the default). */
  OFF("off"),
  /** Intune's throttling (429 with {@code Retry-After}) and its daily retire limit. */
  INTUNE("intune"),
  /** Like {@link #INTUNE}, but 429s carry no {@code Retry-After}, as Intune has been seen to do. */
  INTUNE_NO_RETRY_AFTER("intune-no-retry-after");

  private final String optionValue;

  LimitsMode(String optionValue) {
    this.optionValue = optionValue;
  }

  /** The mode's name on the command line, such as {@code intune-no-retry-after}. */
  public String optionValue() {
    return optionValue;
  }

  /** The limits in a few words, for the start-up banner. */
  public String description() {
    return switch (this) {
      case OFF -> "none (--limits intune applies Intune's throttling and daily retire limit)";
      case INTUNE -> "Intune's: throttling (429 with Retry-After), 1,000 retired devices a day";
      case INTUNE_NO_RETRY_AFTER ->
          "Intune's: throttling (429 without Retry-After), 1,000 retired devices a day";
    };
  }

  /** Whether any limit applies. */
  public boolean applies() {
    return this != OFF;
  }

  /** Whether a throttled request is told how long to wait. */
  public boolean sendsRetryAfter() {
    return this == INTUNE;
  }

  /**
   * The mode named {@code value} on the command line, ignoring case.
   *
   * @throws IllegalArgumentException if no mode has that name
   */
  public static LimitsMode parse(String value) {
    Objects.requireNonNull(value, "value");
    for (LimitsMode mode : values()) {
      if (mode.optionValue.equals(value.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "'%s' (expected off, intune or intune-no-retry-after)".formatted(value));
  }
}
