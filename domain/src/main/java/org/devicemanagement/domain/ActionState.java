package org.devicemanagement.domain;

/** The state of a remote action on a device ({@code deviceActionResult.actionState}). */
public enum ActionState implements GraphEnum {
  NONE("none"),
  PENDING("pending"),
  CANCELED("canceled"),
  ACTIVE("active"),
  DONE("done"),
  FAILED("failed"),
  NOT_SUPPORTED("notSupported");

  private final String graphName;

  ActionState(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Parses Graph's name of an action state, failing with the list of valid names. */
  public static ActionState fromGraphName(String name) {
    return GraphEnum.parse(ActionState.class, name);
  }
}
