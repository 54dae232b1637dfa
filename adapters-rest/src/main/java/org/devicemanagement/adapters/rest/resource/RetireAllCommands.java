package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import org.devicemanagement.adapters.rest.conventions.ClientAddress;
import org.devicemanagement.adapters.rest.conventions.ExchangeIds;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.UserReference;

/**
 * The retire-all command a request carries: the caller, the user its route names ({@code /me} or
 * {@code /users/{user}}), its request id and the address it came from. One place, so the resource
 * and a filter that refuses the request before it (throttling) audit it alike.
 */
public final class RetireAllCommands {

  private RetireAllCommands() {}

  /** The command of {@code request} by {@code caller}, when its route is a retire-all. */
  public static Optional<RemoveAllDevicesFromManagementCommand> of(
      ContainerRequestContext request, Caller caller) {
    Route route = AdmissionFilter.routeOf(request);
    if (route == null
        || !route
            .template()
            .boundOperation()
            .filter(Operation.Names.REMOVE_ALL_DEVICES_FROM_MANAGEMENT::equals)
            .isPresent()) {
      return Optional.empty();
    }
    UserReference user =
        route.template().parameterNames().contains("user")
            ? UserReferences.parse(route.parameter("user"))
            : new UserReference.SignedInUser();
    return Optional.of(command(user, caller, request));
  }

  static RemoveAllDevicesFromManagementCommand command(
      UserReference user, Caller caller, ContainerRequestContext request) {
    return new RemoveAllDevicesFromManagementCommand(
        caller, user, ExchangeIds.requestId(request), ClientAddress.of(request));
  }
}
