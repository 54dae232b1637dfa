package org.devicemanagement.application.offboarding;

/** How one user of an offboarding run ended, or that it has not ended yet. */
public enum UserOutcome {
  /** Not sent yet, or sent without a known answer (a crash): the run goes on with the user. */
  PENDING("pending"),
  /** Graph accepted the retire-all and it changed at least one device. */
  DONE("done"),
  /** The user was found but no device needed retiring, so nothing was sent. */
  NOTHING_TO_DO("nothingToDo"),
  /** The tenant has no such user. */
  NOT_FOUND("notFound"),
  /** Graph refused the call: the token lacks a permission, named in the message. */
  REFUSED("refused"),
  /**
   * Graph failed the call, or still throttled it after the retries; its code and request-id kept.
   */
  FAILED("failed");

  private final String wireName;

  UserOutcome(String wireName) {
    this.wireName = wireName;
  }

  /** The name reports and stores use. */
  public String wireName() {
    return wireName;
  }

  /** Whether the user needs no more work in the run. */
  public boolean ended() {
    return this != PENDING;
  }

  /** Whether the outcome is one an operator need not look at. */
  public boolean fine() {
    return this == DONE || this == NOTHING_TO_DO;
  }

  /**
   * The outcome named {@code name} (as {@link #wireName()} spells it).
   *
   * @throws IllegalArgumentException if no outcome has that name
   */
  public static UserOutcome ofWireName(String name) {
    for (UserOutcome outcome : values()) {
      if (outcome.wireName.equals(name)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("no user outcome is named '%s'".formatted(name));
  }
}
