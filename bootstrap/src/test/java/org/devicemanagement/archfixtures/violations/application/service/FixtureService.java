package org.devicemanagement.archfixtures.violations.application.service;

import org.devicemanagement.archfixtures.violations.application.port.in.RetireUseCase;
import org.devicemanagement.archfixtures.violations.domain.FixtureDevice;

/** A well-named service (and, using the domain, half of the domain/application cycle). */
public final class FixtureService implements RetireUseCase {
  @Override
  public FixtureDevice retire(String id) {
    return new FixtureDevice(id);
  }
}
