package org.devicemanagement.archfixtures.violations.adapters.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Breaks "exception mappers end with Mapper". */
public final class FailureHandler implements ExceptionMapper<RuntimeException> {
  @Override
  public Response toResponse(RuntimeException exception) {
    return Response.serverError().build();
  }
}
