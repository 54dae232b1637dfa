package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceJson;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;

/** Graph's {@code GET deviceManagement/managedDevices/{id}}. */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class DeviceManagementManagedDevicesResource {

  private final GetManagedDeviceUseCase useCase;

  /** A resource reading devices through {@code useCase}. */
  @Inject
  public DeviceManagementManagedDevicesResource(GetManagedDeviceUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** {@code GET /{version}/deviceManagement/managedDevices/{id}}. */
  @GET
  @Path("deviceManagement/managedDevices/{id}")
  public ManagedDeviceJson getManagedDevice(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return ManagedDeviceJson.of(
        useCase.getManagedDevice(new GetManagedDeviceQuery(caller, route.parameter("id"))),
        ODataUrls.context(
            uri, route.parameter("version"), "deviceManagement/managedDevices/$entity"));
  }
}
