package org.devicemanagement.archfixtures.violations.application;

import com.google.inject.Injector;

/** Breaks "core does not use Guice". */
public final class ApplicationUsesGuice {
  /** The offending dependency. */
  public Injector injector;
}
