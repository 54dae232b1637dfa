package org.devicemanagement.archfixtures.violations.application.service;

import org.devicemanagement.archfixtures.violations.application.port.in.RetireUseCase;
import org.devicemanagement.archfixtures.violations.domain.FixtureDevice;

/** Breaks "services implementing a use case end with Service". */
public final class RetireHandler implements RetireUseCase {
  @Override
  public FixtureDevice retire(String id) {
    return new FixtureDevice(id);
  }
}
