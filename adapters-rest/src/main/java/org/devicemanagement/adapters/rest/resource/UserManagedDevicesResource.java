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
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.query.DevicePage;

/**
 * Graph's {@code GET users/{id}/managedDevices} and {@code GET me/managedDevices}, paged, with the
 * query options of {@link ListingOptions}.
 */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class UserManagedDevicesResource {

  private final ListManagedDevicesUseCase useCase;

  /** A resource listing devices through {@code useCase}. */
  @Inject
  public UserManagedDevicesResource(ListManagedDevicesUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** {@code GET /{version}/users/{id | userPrincipalName}/managedDevices}. */
  @GET
  @Path("users/{user}/managedDevices")
  public ManagedDeviceCollectionJson listManagedDevices(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return list(UserReferences.parse(route.parameter("user")), route, caller, uri);
  }

  /** {@code GET /{version}/me/managedDevices}. */
  @GET
  @Path("me/managedDevices")
  public ManagedDeviceCollectionJson listMyManagedDevices(
      @Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return list(new UserReference.SignedInUser(), route, caller, uri);
  }

  private ManagedDeviceCollectionJson list(
      UserReference user, Route route, Caller caller, UriInfo uri) {
    ListingOptions options = ListingOptions.from(uri.getQueryParameters());
    DevicePage page =
        useCase.listManagedDevices(
            new ListManagedDevicesQuery(
                caller, Optional.of(user), options.query(), options.top(), options.skipToken()));
    return DeviceListings.collection(
        page,
        options,
        uri,
        route.parameter("version"),
        "users(%s)/managedDevices"
            .formatted(ODataUrls.keyLiteral(UserReferences.contextKey(user, caller))));
  }
}
