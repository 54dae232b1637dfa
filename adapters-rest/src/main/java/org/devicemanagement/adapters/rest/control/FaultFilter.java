package org.devicemanagement.adapters.rest.control;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * Answers a Graph request with the fault it matches, after routing and authentication and before
 * the resource runs, so that the action does not happen; the response filter then gives the error
 * Graph's envelope and the request's ids. The control API's own routes are never faulted; requests
 * inside a batch are, each by its own path.
 */
// Pre-matching, after AdmissionFilter (routing and authentication) in the same stage: a
// post-matching filter would add a stage of its own to every request.
@PreMatching
@Priority(Priorities.AUTHORIZATION)
final class FaultFilter implements ContainerRequestFilter {

  private final Faults faults;

  FaultFilter(Faults faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (faults.isEmpty()) {
      return;
    }
    Route route = AdmissionFilter.routeOf(request);
    if (route == null || route.template().control()) {
      return;
    }
    Optional<Fault> fault = faults.answering(request.getMethod(), route.canonicalPath());
    if (fault.isEmpty()) {
      return;
    }
    delay(fault.get().delayMillis());
    request.abortWith(JaxRsErrors.response(fault.get().answer()));
  }

  private static void delay(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      // Stopping: the fault answers at once.
      Thread.currentThread().interrupt();
    }
  }
}
