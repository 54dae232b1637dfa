package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.BearerAuthenticationFilter;
import org.devicemanagement.adapters.rest.json.ManagedDeviceJson;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;

/** Graph's {@code GET deviceManagement/managedDevices/{id}}. */
@Path("{version: v1\\.0|beta}")
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
      @PathParam("version") String version,
      @PathParam("id") String id,
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    return ManagedDeviceJson.of(
        useCase.getManagedDevice(
            new GetManagedDeviceQuery(BearerAuthenticationFilter.caller(request), id)),
        ODataUrls.context(uri, version, "deviceManagement/managedDevices/$entity"));
  }
}
