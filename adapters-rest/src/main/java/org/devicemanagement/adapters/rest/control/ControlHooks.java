package org.devicemanagement.adapters.rest.control;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.adapters.rest.auth.CallerPrincipal;
import org.devicemanagement.adapters.rest.conventions.ExchangeHooks;
import org.devicemanagement.adapters.rest.conventions.ExchangeIds;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.routing.AdmissionFilter;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * What the control API does on every exchange: notes each request's arrival before anything else
 * runs and records its answer last in the {@link RequestJournal} (so refusals by routing and
 * authentication are recorded too); answers a Graph request with the fault it matches after routing
 * and authentication, before its resource runs, so that the action does not happen; and moves the
 * {@link ControlChanges} counters as answers leave (every Graph request the requests' counter,
 * every write the tenant's, the control API's writes included). The control API's own requests (any
 * path under {@code /_emulator}) are neither journaled nor faulted. Requests inside a {@code
 * $batch} pass through here as requests of their own.
 */
final class ControlHooks implements ExchangeHooks {

  private static final String ARRIVAL = ControlHooks.class.getName() + ".arrival";

  private final Optional<RequestJournal> journal;
  private final Faults faults;
  private final ControlChanges changes;
  private final Clock clock;

  ControlHooks(RequestJournal journal, Faults faults, ControlChanges changes, Clock clock) {
    this.journal = journal.enabled() ? Optional.of(journal) : Optional.empty();
    this.faults = Objects.requireNonNull(faults, "faults");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void arrived(ContainerRequestContext request) {
    if (journal.isPresent()) {
      request.setProperty(
          ARRIVAL,
          new Arrival(System.nanoTime(), clock.millis(), request.getUriInfo().getRequestUri()));
    }
  }

  @Override
  public void admitted(ContainerRequestContext request) {
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

  @Override
  public void answered(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!isRead(method)) {
      changes.tenantChanged();
    }
    if (isControl(request)) {
      return;
    }
    changes.requestAnswered();
    if (journal.isPresent() && request.getProperty(ARRIVAL) instanceof Arrival arrival) {
      Principal principal = request.getSecurityContext().getUserPrincipal();
      journal
          .get()
          .record(
              arrival.millis(),
              method,
              arrival.uri(),
              response.getStatus(),
              ExchangeIds.requestId(request),
              ExchangeIds.clientRequestId(request),
              System.nanoTime() - arrival.nanos(),
              principal instanceof CallerPrincipal caller ? caller.caller() : null);
    }
  }

  private static boolean isRead(String method) {
    return HttpMethod.GET.equals(method)
        || HttpMethod.HEAD.equals(method)
        || HttpMethod.OPTIONS.equals(method);
  }

  private static boolean isControl(ContainerRequestContext request) {
    Route route = AdmissionFilter.routeOf(request);
    return route == null
        ? ControlPaths.isControlPath(request.getUriInfo().getPath(false))
        : route.template().control();
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

  /** When a request arrived, and its URI before routing rewrote it to Graph's spelling. */
  private record Arrival(long nanos, long millis, URI uri) {}
}
