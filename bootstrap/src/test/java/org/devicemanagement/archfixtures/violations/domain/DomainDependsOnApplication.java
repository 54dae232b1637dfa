package org.devicemanagement.archfixtures.violations.domain;

import org.devicemanagement.archfixtures.violations.application.port.in.RetireUseCase;

/**
 * Breaks "domain depends only on java" and, with the application using the domain, makes a cycle.
 */
public final class DomainDependsOnApplication {
  /** The offending dependency. */
  public RetireUseCase useCase;
}
