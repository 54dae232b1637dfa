package org.devicemanagement.adapters.rest.resource;

/** The API versions every Graph resource serves, as the first segment of its path. */
public final class GraphVersions {

  /**
   * The path template of the version segment: {@code v1.0} or {@code beta}, as Graph spells them.
   */
  public static final String TEMPLATE = "{version: v1\\.0|beta}";

  private GraphVersions() {}
}
