package org.devicemanagement.archfixtures.violations.application;

import org.glassfish.jersey.server.ResourceConfig;

/** Breaks "core does not use org.glassfish". */
public final class ApplicationUsesJersey {
  /** The offending dependency. */
  public ResourceConfig config;
}
