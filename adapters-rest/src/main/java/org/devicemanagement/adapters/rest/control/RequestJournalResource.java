package org.devicemanagement.adapters.rest.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.devicemanagement.adapters.rest.routing.ControlRoute;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The journal of requests: {@code GET /_emulator/requests?limit=N} lists the newest first (100
 * unless told), {@code DELETE /_emulator/requests} empties it.
 */
@ControlRoute
@Path(ControlPaths.SEGMENT)
@Produces(MediaType.APPLICATION_JSON)
public final class RequestJournalResource {

  /** How many entries a listing holds when the request names no limit. */
  static final int DEFAULT_LIMIT = 100;

  private final RequestJournal journal;

  /** The resource serving {@code control}'s journal. */
  @Inject
  public RequestJournalResource(ControlApi control) {
    this.journal = Objects.requireNonNull(control, "control").journal();
  }

  /** {@code GET /_emulator/requests?limit=N}. */
  @GET
  @Path("requests")
  public Response list(@QueryParam("limit") @Nullable String limit) {
    ArrayNode value = ControlJson.array();
    journal.newest(limit(limit)).forEach(entry -> value.add(ControlJson.entry(entry)));
    return ControlJson.answer(200, ControlJson.collection(value));
  }

  /** {@code DELETE /_emulator/requests}. */
  @DELETE
  @Path("requests")
  public Response clear() {
    journal.clear();
    return Response.noContent().build();
  }

  private static int limit(@Nullable String limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int parsed = Integer.parseInt(limit.strip());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Answered below.
    }
    throw new InvalidRequestException(
        "The query option limit must be a whole number from 1 to %d.".formatted(Integer.MAX_VALUE));
  }
}
