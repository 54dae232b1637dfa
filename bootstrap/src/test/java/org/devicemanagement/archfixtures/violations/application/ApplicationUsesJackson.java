package org.devicemanagement.archfixtures.violations.application;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks "core does not use Jackson". */
public final class ApplicationUsesJackson {
  /** The offending dependency. */
  public ObjectMapper mapper;
}
