package org.devicemanagement.archfixtures.violations.adapters.rest;

import org.devicemanagement.archfixtures.violations.adapters.memory.FixtureStore;

/** Breaks "adapters do not depend on each other". */
public final class RestUsesMemory {
  /** The offending dependency. */
  public FixtureStore store;
}
