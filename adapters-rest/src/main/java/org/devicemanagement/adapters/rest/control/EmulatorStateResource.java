package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.devicemanagement.adapters.rest.limits.EmulatorLimits;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.AdministerTenantUseCase;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.in.ClockReading;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.in.TenantSize;
import org.devicemanagement.domain.CheckInOutcome;

/**
 * The emulator's state through the control API: the tenant ({@code GET/PUT /_emulator/tenant},
 * users and devices added or deleted one by one), the clock ({@code GET /_emulator/clock}, {@code
 * POST /_emulator/clock/advance}), a device's check-in now, and {@code POST /_emulator/reset}
 * (tenant, clock, journal, faults and the limits' counts back to the start).
 */
@ControlRoute
@Path(ControlPaths.SEGMENT)
@Produces(MediaType.APPLICATION_JSON)
public final class EmulatorStateResource {

  private final AdministerTenantUseCase tenant;
  private final EmulatorClockUseCase clock;
  private final CheckInDeviceUseCase checkIn;
  private final ControlApi control;
  private final EmulatorLimits limits;

  /** The resource serving the emulator's state through its use cases. */
  @Inject
  public EmulatorStateResource(
      AdministerTenantUseCase tenant,
      EmulatorClockUseCase clock,
      CheckInDeviceUseCase checkIn,
      ControlApi control,
      EmulatorLimits limits) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.checkIn = Objects.requireNonNull(checkIn, "checkIn");
    this.control = Objects.requireNonNull(control, "control");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** {@code GET /_emulator/tenant}: the tenant as a tenant file, current states included. */
  @GET
  @Path("tenant")
  public Response exportTenant() {
    StreamingOutput body = tenant::exportTenant;
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code PUT /_emulator/tenant}: replaces the tenant with a tenant file. */
  @PUT
  @Path("tenant")
  public Response replaceTenant(@Context ContainerRequestContext request) {
    byte[] body = ControlJson.readBytes(request);
    return ControlJson.answer(200, size(tenant.replaceTenant(new ByteArrayInputStream(body))));
  }

  /**
   * {@code POST /_emulator/reset}: tenant and clock as at the start; no journal, no fault, and the
   * limits' counts forgotten.
   */
  @POST
  @Path("reset")
  public Response reset() {
    TenantSize size = tenant.resetTenant();
    control.journal().clear();
    control.faults().clear();
    limits.reset();
    return ControlJson.answer(200, size(size));
  }

  /** {@code POST /_emulator/users}: adds a user from a tenant file's entry. */
  @POST
  @Path("users")
  public Response addUser(@Context ContainerRequestContext request) {
    return created(tenant.addUser(ControlJson.readBytes(request)));
  }

  /** {@code POST /_emulator/managedDevices}: adds a device from a tenant file's entry. */
  @POST
  @Path("managedDevices")
  public Response addDevice(@Context ContainerRequestContext request) {
    return created(tenant.addDevice(ControlJson.readBytes(request)));
  }

  /** {@code DELETE /_emulator/managedDevices/{id}}. */
  @DELETE
  @Path("managedDevices/{id}")
  public Response deleteDevice(@Context Route route) {
    tenant.deleteDevice(route.parameter("id"));
    return Response.noContent().build();
  }

  /** {@code POST /_emulator/managedDevices/{id}/checkIn}: the device checks in now. */
  @POST
  @Path("managedDevices/{id}/checkIn")
  public Response checkIn(@Context Route route) {
    CheckInOutcome outcome = checkIn.checkInDevice(route.parameter("id"));
    ObjectNode body = ControlJson.object();
    body.put("id", outcome.deviceId());
    body.put("managementState", outcome.after().managementState().graphName());
    body.put("lastSyncDateTime", JsonConventions.dateTime(outcome.after().lastSyncDateTime()));
    body.put("leftIntune", outcome.leftIntune());
    return ControlJson.answer(200, body);
  }

  /** {@code GET /_emulator/clock}. */
  @GET
  @Path("clock")
  public Response readClock() {
    return ControlJson.answer(200, clock(clock.readClock()));
  }

  /** {@code POST /_emulator/clock/advance} with {@code {"by": "PT8H"}}. */
  @POST
  @Path("clock/advance")
  public Response advanceClock(@Context ContainerRequestContext request) {
    ObjectNode body = ControlJson.readObject(request);
    JsonNode by = body.get("by");
    if (body.size() != 1 || by == null || !by.isTextual()) {
      throw new InvalidRequestException(
          "The body must be {\"by\": \"<ISO-8601 duration such as PT8H or P1D>\"}.");
    }
    Duration duration;
    try {
      duration = Duration.parse(by.asText().strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("by must be an ISO-8601 duration such as PT8H or P1D.");
    }
    return ControlJson.answer(200, clock(clock.advanceClock(duration)));
  }

  private static Response created(byte[] entry) {
    return Response.status(201).entity(entry).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static ObjectNode size(TenantSize size) {
    ObjectNode node = ControlJson.object();
    node.put("users", size.users());
    node.put("managedDevices", size.devices());
    return node;
  }

  private static ObjectNode clock(ClockReading reading) {
    ObjectNode node = ControlJson.object();
    node.put("now", JsonConventions.dateTime(reading.now()));
    node.put("mode", reading.mode().label());
    return node;
  }
}
