package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.BearerAuthenticationFilter;
import org.devicemanagement.adapters.rest.http.RequestIds;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.domain.RetireAllOutcome;

/** Graph's {@code removeAllDevicesFromManagement} action on a user and on {@code /me}. */
@Path("{version: v1\\.0|beta}")
@Produces(MediaType.APPLICATION_JSON)
public final class RemoveAllDevicesFromManagementResource {

  private static final String ACTION = "removeAllDevicesFromManagement";

  private final RemoveAllDevicesFromManagementUseCase useCase;

  /** A resource retiring devices through {@code useCase}. */
  @Inject
  public RemoveAllDevicesFromManagementResource(RemoveAllDevicesFromManagementUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** {@code POST /{version}/users/{id | userPrincipalName}/removeAllDevicesFromManagement}. */
  @POST
  @Path("users/{user}/removeAllDevicesFromManagement")
  public Response removeAllDevicesFromManagement(
      @PathParam("user") String user, @Context ContainerRequestContext request) {
    return retireAll(UserReferences.parse(user), request);
  }

  /** {@code POST /{version}/me/removeAllDevicesFromManagement}: the signed-in user's devices. */
  @POST
  @Path("me/removeAllDevicesFromManagement")
  public Response removeAllMyDevicesFromManagement(@Context ContainerRequestContext request) {
    return retireAll(new UserReference.SignedInUser(), request);
  }

  private Response retireAll(UserReference user, ContainerRequestContext request) {
    RequestBodies.requireNone(request, ACTION);
    Caller caller = BearerAuthenticationFilter.caller(request);
    RetireAllOutcome outcome =
        useCase.removeAllDevicesFromManagement(
            new RemoveAllDevicesFromManagementCommand(caller, user));
    RetireAllAudit.record(caller, outcome, RequestIds.requestId(request));
    return Response.noContent().build();
  }
}
