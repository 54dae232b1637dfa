package org.devicemanagement.domain;

/** Intune's {@code complianceState} of a managed device. */
public enum ComplianceState implements GraphEnum {
  UNKNOWN("unknown"),
  COMPLIANT("compliant"),
  NONCOMPLIANT("noncompliant"),
  CONFLICT("conflict"),
  ERROR("error"),
  IN_GRACE_PERIOD("inGracePeriod"),
  CONFIG_MANAGER("configManager");

  private final String graphName;

  ComplianceState(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Parses Graph's name of a compliance state, failing with the list of valid names. */
  public static ComplianceState fromGraphName(String name) {
    return GraphEnum.parse(ComplianceState.class, name);
  }
}
