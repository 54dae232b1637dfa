package org.devicemanagement.domain;

/** Who owns a managed device ({@code managedDeviceOwnerType}). */
public enum ManagedDeviceOwnerType implements GraphEnum {
  UNKNOWN("unknown"),
  COMPANY("company"),
  PERSONAL("personal"),
  UNKNOWN_FUTURE_VALUE("unknownFutureValue");

  private final String graphName;

  ManagedDeviceOwnerType(String graphName) {
    this.graphName = graphName;
  }

  @Override
  public String graphName() {
    return graphName;
  }

  /** Parses Graph's name of an owner type, failing with the list of valid names. */
  public static ManagedDeviceOwnerType fromGraphName(String name) {
    return GraphEnum.parse(ManagedDeviceOwnerType.class, name);
  }
}
