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
import org.devicemanagement.adapters.rest.json.UserJson;
import org.devicemanagement.application.port.in.GetUserQuery;
import org.devicemanagement.application.port.in.GetUserUseCase;
import org.devicemanagement.application.port.in.UserReference;

/**
 * Graph's {@code GET users/{id | userPrincipalName}} and {@code GET me}. {@code $select} is accepted
 * and ignored: the answer always holds id, userPrincipalName and displayName, the only properties
 * this product keeps (Graph's own default selection includes them).
 */
@Path("{version: v1\\.0|beta}")
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
  public UserJson getUser(
      @PathParam("version") String version,
      @PathParam("user") String user,
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    return get(version, UserReferences.parse(user), uri, request);
  }

  /** {@code GET /{version}/me}: the signed-in user. */
  @GET
  @Path("me")
  public UserJson getMe(
      @PathParam("version") String version,
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    return get(version, new UserReference.SignedInUser(), uri, request);
  }

  private UserJson get(
      String version, UserReference user, UriInfo uri, ContainerRequestContext request) {
    return UserJson.of(
        useCase.getUser(new GetUserQuery(BearerAuthenticationFilter.caller(request), user)),
        ODataUrls.context(uri, version, "users/$entity"));
  }
}
