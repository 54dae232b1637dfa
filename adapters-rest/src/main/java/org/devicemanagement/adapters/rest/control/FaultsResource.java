package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.devicemanagement.adapters.rest.error.ErrorResponse;
import org.devicemanagement.adapters.rest.error.JaxRsErrors;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.adapters.rest.routing.Route;

/**
 * Faults: {@code POST /_emulator/faults} sets one (201 with its id), {@code GET /_emulator/faults}
 * lists them, {@code DELETE /_emulator/faults/{id}} removes one and {@code DELETE
 * /_emulator/faults} all.
 */
@ControlRoute
@Path(ControlPaths.SEGMENT)
@Produces(MediaType.APPLICATION_JSON)
public final class FaultsResource {

  private final Faults faults;

  /** The resource serving {@code control}'s faults. */
  @Inject
  public FaultsResource(ControlApi control) {
    this.faults = Objects.requireNonNull(control, "control").faults();
  }

  /** {@code POST /_emulator/faults}. */
  @POST
  @Path("faults")
  public Response add(@Context ContainerRequestContext request) {
    Fault fault = FaultRequests.parse(ControlJson.readObject(request));
    faults.add(fault);
    return ControlJson.answer(201, json(fault));
  }

  /** {@code GET /_emulator/faults}. */
  @GET
  @Path("faults")
  public Response list() {
    ArrayNode value = ControlJson.array();
    faults.list().forEach(fault -> value.add(json(fault)));
    return ControlJson.answer(200, ControlJson.collection(value));
  }

  /** {@code DELETE /_emulator/faults}. */
  @DELETE
  @Path("faults")
  public Response clear() {
    faults.clear();
    return Response.noContent().build();
  }

  /** {@code DELETE /_emulator/faults/{id}}. */
  @DELETE
  @Path("faults/{id}")
  public Response remove(@Context Route route) {
    String id = route.parameter("id");
    if (faults.remove(id)) {
      return Response.noContent().build();
    }
    String shown = id.length() <= 100 ? id : id.substring(0, 100) + "...";
    return JaxRsErrors.response(
        ErrorResponse.of(404, "ResourceNotFound", "No fault has the id '%s'.".formatted(shown)));
  }

  private static ObjectNode json(Fault fault) {
    ObjectNode node = ControlJson.object();
    node.put("id", fault.id());
    ObjectNode match = node.putObject("match");
    match.put("method", fault.method().orElse(null));
    match.put("path", fault.path().pattern());
    ObjectNode respond = node.putObject("respond");
    respond.put("status", fault.answer().status());
    respond.put("code", fault.answer().error().code());
    respond.put("message", fault.answer().error().message());
    respond.put("retryAfter", fault.retryAfter().orElse(null));
    respond.put("delayMs", fault.delayMillis());
    if (fault.remaining().isPresent()) {
      node.put("times", fault.remaining().getAsInt());
    } else {
      node.putNull("times");
    }
    if (fault.probability().isPresent()) {
      node.put("probability", fault.probability().getAsDouble());
    } else {
      node.putNull("probability");
    }
    node.put("answered", fault.answered());
    return node;
  }
}
