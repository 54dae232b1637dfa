package org.devicemanagement.domain;

/** Intune's {@code managementState} of a managed device, with Graph's names and numeric values. */
public enum ManagementState implements GraphEnum {
  MANAGED("managed", 0, RetireAllEffect.RETIRE),
  RETIRE_PENDING("retirePending", 1, RetireAllEffect.ALREADY_RETIRING),
  RETIRE_FAILED("retireFailed", 2, RetireAllEffect.RETIRE),
  WIPE_PENDING("wipePending", 3, RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN),
  WIPE_FAILED("wipeFailed", 4, RetireAllEffect.RETIRE),
  UNHEALTHY("unhealthy", 5, RetireAllEffect.RETIRE),
  DELETE_PENDING("deletePending", 6, RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN),
  RETIRE_ISSUED("retireIssued", 7, RetireAllEffect.ALREADY_RETIRING),
  WIPE_ISSUED("wipeIssued", 8, RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN),
  WIPE_CANCELED("wipeCanceled", 9, RetireAllEffect.RETIRE),
  RETIRE_CANCELED("retireCanceled", 10, RetireAllEffect.RETIRE),
  DISCOVERED("discovered", 11, RetireAllEffect.RETIRE),
  UNKNOWN_FUTURE_VALUE("unknownFutureValue", 12, RetireAllEffect.STRONGER_ACTION_OR_UNKNOWN);

  /** What retiring all of a user's devices does to a device in a given state. */
  public enum RetireAllEffect {
    /** The device moves to {@code retirePending} with a pending {@code retire} action. */
    RETIRE,
    /** The device is already being retired and is left as it is. */
    ALREADY_RETIRING,
    /** A stronger action (wipe, delete) is in flight or the state is unknown; left as it is. */
    STRONGER_ACTION_OR_UNKNOWN
  }

  private final String graphName;
  private final int value;
  private final RetireAllEffect retireAllEffect;

  ManagementState(String graphName, int value, RetireAllEffect retireAllEffect) {
    this.graphName = graphName;
    this.value = value;
    this.retireAllEffect = retireAllEffect;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Graph's numeric value of the state. */
  public int value() {
    return value;
  }

  /** What retire-all does to a device in this state (the table in graph-contract.md). */
  public RetireAllEffect retireAllEffect() {
    return retireAllEffect;
  }

  /** Parses Graph's name of a state, failing with the list of valid names. */
  public static ManagementState fromGraphName(String name) {
    return GraphEnum.parse(ManagementState.class, name);
  }
}
