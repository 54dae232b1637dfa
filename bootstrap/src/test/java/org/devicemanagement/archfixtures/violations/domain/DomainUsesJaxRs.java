package org.devicemanagement.archfixtures.violations.domain;

import jakarta.ws.rs.core.Response;

/** Breaks "core does not use JAX-RS". */
public final class DomainUsesJaxRs {
  /** The offending dependency. */
  public Response response;
}
