package org.devicemanagement.adapters.rest.control;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.Objects;
import java.util.Set;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * Moves the {@link ControlChanges} counters as answers leave: every Graph request moves the
 * requests' counter, every write (any method but {@code GET}, {@code HEAD} and {@code OPTIONS}) the
 * tenant's, the control API's writes included.
 */
@Priority(Priorities.USER)
final class ChangeCountingFilter implements ContainerResponseFilter {

  private static final Set<String> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final ControlChanges changes;

  ChangeCountingFilter(ControlChanges changes) {
    this.changes = Objects.requireNonNull(changes, "changes");
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!READS.contains(request.getMethod())) {
      changes.tenantChanged();
    }
    Route route = AdmissionFilter.routeOf(request);
    boolean control =
        route == null
            ? ControlPaths.isControlPath(request.getUriInfo().getPath(false))
            : route.template().control();
    if (!control) {
      changes.requestAnswered();
    }
  }
}
