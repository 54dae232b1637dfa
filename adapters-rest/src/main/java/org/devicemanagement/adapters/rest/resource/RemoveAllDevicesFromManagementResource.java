package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.devicemanagement.adapters.rest.routing.BoundOperation;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.RetireAllResult;
import org.devicemanagement.application.port.in.UserReference;

/**
 * Graph's {@code removeAllDevicesFromManagement} action on a user and on {@code /me}. It answers
 * 204 without a body, so it declares no media type: there is nothing for Jersey to negotiate (an
 * {@code Accept} that excludes JSON is refused at admission, and errors are always JSON).
 */
@Path(GraphVersions.TEMPLATE)
public final class RemoveAllDevicesFromManagementResource {

  private final RemoveAllDevicesFromManagementUseCase useCase;

  /** A resource retiring devices through {@code useCase}. */
  @Inject
  public RemoveAllDevicesFromManagementResource(RemoveAllDevicesFromManagementUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** {@code POST /{version}/users/{id | userPrincipalName}/removeAllDevicesFromManagement}. */
  @POST
  @BoundOperation
  @Path("users/{user}/" + Operation.Names.REMOVE_ALL_DEVICES_FROM_MANAGEMENT)
  public Response removeAllDevicesFromManagement(
      @Context Route route, @Context Caller caller, @Context ContainerRequestContext request) {
    return retireAll(UserReferences.parse(route.parameter("user")), route, caller, request);
  }

  /** {@code POST /{version}/me/removeAllDevicesFromManagement}: the signed-in user's devices. */
  @POST
  @BoundOperation
  @Path("me/" + Operation.Names.REMOVE_ALL_DEVICES_FROM_MANAGEMENT)
  public Response removeAllMyDevicesFromManagement(
      @Context Route route, @Context Caller caller, @Context ContainerRequestContext request) {
    return retireAll(new UserReference.SignedInUser(), route, caller, request);
  }

  private Response retireAll(
      UserReference user, Route route, Caller caller, ContainerRequestContext request) {
    RequestBodies.requireNone(request, route.boundOperation());
    RetireAllResult result = useCase.retireAll(RetireAllCommands.command(user, caller, request));
    RetireAllAuditLine.record(route.boundOperation(), caller, result);
    return Response.noContent().build();
  }
}
