package org.devicemanagement.adapters.rest.resource;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.devicemanagement.adapters.rest.representation.UserJson;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.in.UserReference;

/**
 * Graph's {@code GET users/{id | userPrincipalName}} and {@code GET me}. {@code $select} is
 * accepted and ignored: the answer always holds id, userPrincipalName and displayName, the only
 * properties this product keeps (Graph's own default selection includes them).
 */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {

  private final GetUserUseCase useCase;

  /** A resource reading users through {@code useCase}. */
  @Inject
  public UserResource(GetUserUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  /** {@code GET /{version}/users/{id | userPrincipalName}}. */
  @GET
  @Path("users/{user}")
  public UserJson getUser(@Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return get(UserReferences.parse(route.parameter("user")), route, caller, uri);
  }

  /** {@code GET /{version}/me}: the signed-in user. */
  @GET
  @Path("me")
  public UserJson getMe(@Context Route route, @Context Caller caller, @Context UriInfo uri) {
    return get(new UserReference.SignedInUser(), route, caller, uri);
  }

  private UserJson get(UserReference user, Route route, Caller caller, UriInfo uri) {
    return UserJson.of(
        useCase.getUser(new GetUserQuery(caller, user)),
        ODataUrls.context(uri, route.parameter("version"), "users/$entity"));
  }
}
