package org.devicemanagement.archfixtures.violations.adapters.graph;

import jakarta.ws.rs.core.Response;

/** Breaks "the Graph adapter is an HTTP client only". */
public final class GraphUsesJaxRs {
  /** The offending dependency. */
  public Response response;
}
