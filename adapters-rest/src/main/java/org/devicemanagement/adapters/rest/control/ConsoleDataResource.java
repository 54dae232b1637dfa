package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.rest.error.ErrorResponse;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.representation.AuditEventJson;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.AdministerTenantUseCase;
import org.devicemanagement.application.port.in.ClockReading;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.in.ListAuditEventsQuery;
import org.devicemanagement.application.port.in.ListAuditEventsUseCase;
import org.jspecify.annotations.Nullable;

/**
 * What the web console reads, read-only and without a token like the rest of the control API:
 * {@code GET /_emulator/changes} (counters that move on every change, and the clock), {@code GET
 * /_emulator/users} (a page of users with their device counts by state, searched on the server),
 * {@code GET /_emulator/users/{id}/managedDevices} and {@code GET /_emulator/auditEvents} (the
 * newest events, in Graph's shape).
 */
@ControlRoute
@Path(ControlPaths.SEGMENT)
@Produces(MediaType.APPLICATION_JSON)
public final class ConsoleDataResource {

  /** The largest page of users or audit events. */
  static final int MAX_TOP = 500;

  // The audit trail's use case checks Graph's permissions; the control API, open only where the
  // operator chose, reads it as an application allowed to.
  private static final Caller CONSOLE =
      Caller.application("emulator-console", "emulator-console", Set.of(Permissions.APPS_READ_ALL));

  private final AdministerTenantUseCase tenant;
  private final EmulatorClockUseCase clock;
  private final ListAuditEventsUseCase auditEvents;
  private final ControlChanges changes;
  private volatile @Nullable TenantSnapshot snapshot;

  /** The resource reading through the use cases. */
  @Inject
  public ConsoleDataResource(
      AdministerTenantUseCase tenant,
      EmulatorClockUseCase clock,
      ListAuditEventsUseCase auditEvents,
      ControlApi control) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.auditEvents = Objects.requireNonNull(auditEvents, "auditEvents");
    this.changes = Objects.requireNonNull(control, "control").changes();
  }

  /**
   * {@code GET /_emulator/changes}: {@code {"tenant": n, "requests": m, "clock": {...}}}; the
   * console reads more only when a counter moved.
   */
  @GET
  @Path("changes")
  public Response changes() {
    ObjectNode body = ControlJson.object();
    body.put("tenant", changes.tenant());
    body.put("requests", changes.requests());
    ClockReading reading = clock.readClock();
    ObjectNode clockNode = body.putObject("clock");
    clockNode.put("now", JsonConventions.dateTime(reading.now()));
    clockNode.put("mode", reading.mode().label());
    return ControlJson.answer(200, body);
  }

  /**
   * {@code GET /_emulator/users?search=&top=&skip=}: the users whose sign-in name, display name or
   * one device's name contains {@code search} (ignoring case), in the tenant's order.
   */
  @GET
  @Path("users")
  public Response users(
      @QueryParam("search") @Nullable String search,
      @QueryParam("top") @Nullable String top,
      @QueryParam("skip") @Nullable String skip) {
    int pageSize = number("top", top, 50, 1, MAX_TOP);
    int from = number("skip", skip, 0, 0, Integer.MAX_VALUE);
    String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
    List<TenantSnapshot.UserDevices> matching =
        current().users().stream().filter(user -> term.isEmpty() || user.matches(term)).toList();
    ArrayNode value = ControlJson.array();
    matching.stream()
        .skip(from)
        .limit(pageSize)
        .forEach(
            user -> {
              ObjectNode node = value.addObject();
              node.put("id", user.id());
              node.put("userPrincipalName", user.userPrincipalName());
              node.put("displayName", user.displayName());
              node.put("managedDevices", user.devices().size());
              ObjectNode states = node.putObject("managementStates");
              user.countsByState().forEach(states::put);
            });
    ObjectNode body = ControlJson.collection(value);
    body.put("total", matching.size());
    body.put("skip", from);
    body.put("top", pageSize);
    return ControlJson.answer(200, body);
  }

  /**
   * {@code GET /_emulator/users/{id}/managedDevices}: the user's devices, as tenant-file entries.
   */
  @GET
  @Path("users/{id}/managedDevices")
  public Response devices(@Context Route route) {
    String id = route.parameter("id");
    Optional<TenantSnapshot.UserDevices> user = current().user(id);
    if (user.isEmpty()) {
      String shown = id.length() <= 100 ? id : id.substring(0, 100) + "...";
      return JaxRsErrors.response(
          ErrorResponse.of(404, "ResourceNotFound", "No user has the id '%s'.".formatted(shown)));
    }
    ArrayNode value = ControlJson.array();
    user.get().devices().forEach(value::add);
    return ControlJson.answer(200, ControlJson.collection(value));
  }

  /** {@code GET /_emulator/auditEvents?top=N}: the newest events (20 unless told), newest first. */
  @GET
  @Path("auditEvents")
  public Response auditEvents(@QueryParam("top") @Nullable String top) {
    int pageSize = number("top", top, 20, 1, MAX_TOP);
    ArrayNode value = ControlJson.array();
    auditEvents
        .listAuditEvents(
            new ListAuditEventsQuery(CONSOLE, AuditQuery.ALL, pageSize, Optional.empty()))
        .events()
        .forEach(event -> value.add(ControlJson.MAPPER.valueToTree(AuditEventJson.of(event))));
    return ControlJson.answer(200, ControlJson.collection(value));
  }

  /** The tenant as of the latest change: exported again only after the tenant counter moved. */
  private TenantSnapshot current() {
    long version = changes.tenant();
    TenantSnapshot known = snapshot;
    if (known != null && known.version() == version) {
      return known;
    }
    // Read before exporting: a change during the export leaves an older version behind, which
    // the next read exports again.
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      tenant.exportTenant(out);
      TenantSnapshot fresh = TenantSnapshot.read(version, out.toByteArray());
      snapshot = fresh;
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("the tenant could not be exported", e);
    }
  }

  private static int number(String name, @Nullable String text, int absent, int min, int max) {
    if (text == null) {
      return absent;
    }
    try {
      int parsed = Integer.parseInt(text.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw new InvalidRequestException(
        "The query option %s must be a whole number from %d to %d.".formatted(name, min, max));
  }
}
