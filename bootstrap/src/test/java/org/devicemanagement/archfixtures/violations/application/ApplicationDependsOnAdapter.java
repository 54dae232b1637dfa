package org.devicemanagement.archfixtures.violations.application;

import org.devicemanagement.archfixtures.violations.adapters.memory.FixtureStore;

/** Breaks "application depends only on domain and java". */
public final class ApplicationDependsOnAdapter {
  /** The offending dependency. */
  public FixtureStore store;
}
