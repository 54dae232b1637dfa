package org.devicemanagement.adapters.rest.control;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.CallerPrincipal;
import org.devicemanagement.adapters.rest.conventions.ExchangeIds;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * Records every request but the control API's own (any path under {@code /_emulator}) in the {@link
 * RequestJournal}: it notes the arrival before anything else runs (so refusals by routing and
 * authentication are recorded too) and records the answer after every other response filter.
 * Requests inside a {@code $batch} pass through here as requests of their own.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class JournalFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String ARRIVAL = JournalFilter.class.getName() + ".arrival";

  private final RequestJournal journal;
  private final Clock clock;

  JournalFilter(RequestJournal journal, Clock clock) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(
        ARRIVAL,
        new Arrival(System.nanoTime(), clock.millis(), request.getUriInfo().getRequestUri()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(ARRIVAL) instanceof Arrival arrival) || isControl(request)) {
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    journal.record(
        arrival.millis(),
        request.getMethod(),
        arrival.uri(),
        response.getStatus(),
        ExchangeIds.requestId(request),
        ExchangeIds.clientRequestId(request),
        System.nanoTime() - arrival.nanos(),
        principal instanceof CallerPrincipal caller ? caller.caller() : null);
  }

  private static boolean isControl(ContainerRequestContext request) {
    Route route = AdmissionFilter.routeOf(request);
    return route == null
        ? ControlPaths.isControlPath(request.getUriInfo().getPath(false))
        : route.template().control();
  }

  /** When a request arrived, and its URI before routing rewrote it to Graph's spelling. */
  private record Arrival(long nanos, long millis, URI uri) {}
}
