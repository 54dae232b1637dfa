package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceCollectionJson;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceJson;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.GetManagedDeviceQuery;
import org.devicemanagement.application.port.in.GetManagedDeviceUseCase;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.query.DevicePage;

/**
 * Graph's {@code GET deviceManagement/managedDevices} and {@code GET
 * deviceManagement/managedDevices/{id}}.
 */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class DeviceManagementManagedDevicesResource {

  private final GetManagedDeviceUseCase useCase;
  private final ListManagedDevicesUseCase listUseCase;

  /**
   * A resource reading devices through {@code useCase} and listing them through {@code
   * listUseCase}.
   */
  @Inject
  public DeviceManagementManagedDevicesResource(
      GetManagedDeviceUseCase useCase, ListManagedDevicesUseCase listUseCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.listUseCase = Objects.requireNonNull(listUseCase, "listUseCase");
  }

  /**
   * {@code GET /{version}/deviceManagement/managedDevices}: the tenant's devices, paged, with the
   * query options of {@link ListingOptions}.
   */
  @GET
  @Path("deviceManagement/managedDevices")
  public ManagedDeviceCollectionJson listManagedDevices(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    ListingOptions options = ListingOptions.from(uri.getQueryParameters());
    DevicePage page =
        listUseCase.listManagedDevices(
            new ListManagedDevicesQuery(
                caller, Optional.empty(), options.query(), options.top(), options.skipToken()));
    return DeviceListings.collection(
        page, options, uri, route.parameter("version"), "deviceManagement/managedDevices");
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
