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
import org.devicemanagement.adapters.rest.json.ManagedDeviceCollectionJson;
import org.devicemanagement.adapters.rest.json.ManagedDeviceJson;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.ListManagedDevicesUseCase;
import org.devicemanagement.application.port.in.ManagedDevicePage;
import org.devicemanagement.application.port.in.UserReference;

/** Graph's {@code GET users/{id}/managedDevices} and {@code GET me/managedDevices}, paged. */
@Path("{version: v1\\.0|beta}")
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
      @PathParam("version") String version,
      @PathParam("user") String user,
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    return list(version, UserReferences.parse(user), uri, request);
  }

  /** {@code GET /{version}/me/managedDevices}. */
  @GET
  @Path("me/managedDevices")
  public ManagedDeviceCollectionJson listMyManagedDevices(
      @PathParam("version") String version,
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    return list(version, new UserReference.SignedInUser(), uri, request);
  }

  private ManagedDeviceCollectionJson list(
      String version, UserReference user, UriInfo uri, ContainerRequestContext request) {
    PagingOptions paging = PagingOptions.from(uri.getQueryParameters());
    Caller caller = BearerAuthenticationFilter.caller(request);
    ManagedDevicePage page =
        useCase.listManagedDevices(
            new ListManagedDevicesQuery(caller, user, paging.top(), paging.skipToken()));
    String context =
        ODataUrls.context(
            uri,
            version,
            "users(%s)/managedDevices"
                .formatted(ODataUrls.keyLiteral(UserReferences.contextKey(user, caller))));
    return new ManagedDeviceCollectionJson(
        context,
        page.nextSkipToken()
            .map(token -> ODataUrls.nextLink(uri, paging.top(), token))
            .orElse(null),
        page.devices().stream().map(ManagedDeviceJson::of).toList());
  }
}
