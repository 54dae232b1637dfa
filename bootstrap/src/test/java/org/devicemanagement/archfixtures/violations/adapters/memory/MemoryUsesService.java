package org.devicemanagement.archfixtures.violations.adapters.memory;

import org.devicemanagement.archfixtures.violations.application.service.FixtureService;

/** Breaks "adapters do not depend on services". */
public final class MemoryUsesService {
  /** The offending dependency. */
  public FixtureService service;
}
