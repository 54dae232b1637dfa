package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.devicemanagement.application.failure.DeviceManagementException;

/** The application's failures, by their kind, as Graph answers them ({@link FailureResponses}). */
public final class DeviceManagementExceptionMapper
    implements ExceptionMapper<DeviceManagementException> {

  @Override
  public Response toResponse(DeviceManagementException exception) {
    return JaxRsErrors.response(FailureResponses.of(exception));
  }
}
