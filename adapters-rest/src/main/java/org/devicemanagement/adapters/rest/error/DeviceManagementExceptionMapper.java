package org.devicemanagement.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.ManagedDeviceNotFoundException;
import org.devicemanagement.application.failure.UserNotFoundException;

/** The application's failures, by their stable code, as Graph answers them. */
public final class DeviceManagementExceptionMapper
    implements ExceptionMapper<DeviceManagementException> {

  private static final int MAX_SHOWN_REFERENCE_LENGTH = 200;
  private static final String NOT_FOUND_MESSAGE =
      "Resource '%s' does not exist or one of its queried reference-property objects are not"
          + " present.";

  @Override
  public Response toResponse(DeviceManagementException exception) {
    String message = String.valueOf(exception.getMessage());
    return switch (exception.code()) {
      case "USER_NOT_FOUND" ->
          notFound("Request_ResourceNotFound", referenceOf(exception, message));
      case "DEVICE_NOT_FOUND" -> notFound("ResourceNotFound", referenceOf(exception, message));
      case "PERMISSION_TYPE_NOT_SUPPORTED", "MISSING_PERMISSION" ->
          error(Response.Status.FORBIDDEN, "Forbidden", message);
      case "DELEGATED_CALLER_REQUIRED" ->
          error(
              Response.Status.BAD_REQUEST,
              "BadRequest",
              "/me request is only valid with delegated authentication flow.");
      case "INVALID_REQUEST" -> error(Response.Status.BAD_REQUEST, "BadRequest", message);
      case "BACKEND_TOKEN_REJECTED", "BACKEND_FORBIDDEN", "BACKEND_UNAVAILABLE" ->
          BackendFailures.toResponse(exception);
      default -> GraphError.unexpected(exception).toResponse(500).build();
    };
  }

  private static String referenceOf(DeviceManagementException exception, String fallback) {
    if (exception instanceof UserNotFoundException user) {
      return user.reference();
    }
    if (exception instanceof ManagedDeviceNotFoundException device) {
      return device.deviceId();
    }
    return fallback;
  }

  private static Response notFound(String code, String reference) {
    // An over-long reference is shortened, so a hostile id is not reflected back in full.
    String shown =
        reference.length() <= MAX_SHOWN_REFERENCE_LENGTH
            ? reference
            : reference.substring(0, MAX_SHOWN_REFERENCE_LENGTH) + "...";
    return error(Response.Status.NOT_FOUND, code, NOT_FOUND_MESSAGE.formatted(shown));
  }

  private static Response error(Response.Status status, String code, String message) {
    return GraphError.of(code, message).toResponse(status.getStatusCode()).build();
  }
}
