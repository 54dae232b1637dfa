package org.devicemanagement.archfixtures.violations.application.failure;

/** Breaks "failures end with Exception". */
public final class FixtureFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
}
