package org.devicemanagement.adapters.rest.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.devicemanagement.adapters.rest.conventions.ClientAddress;
import org.devicemanagement.adapters.rest.conventions.ContentLength;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.devicemanagement.adapters.rest.resource.GraphVersions;
import org.devicemanagement.adapters.rest.routing.Route;
import org.devicemanagement.application.failure.InvalidRequestException;

/**
 * Graph's JSON batching, {@code POST /{version}/$batch}: up to 20 requests in one, each served as
 * if it were sent alone (see {@link InnerRequests}), authorised by the batch's own {@code
 * Authorization} header. The batch is checked whole first (its 400s); then independent requests run
 * concurrently, requests with {@code dependsOn} after their dependencies succeed (else 424), and
 * the answers are listed in the batch's order.
 */
@Path(GraphVersions.TEMPLATE)
@Produces(MediaType.APPLICATION_JSON)
public final class BatchResource {

  private static final ObjectMapper MAPPER = JsonConventions.mapper();

  /** The resource; it keeps no state (the application's {@link InnerRequests} serves batches). */
  @Inject
  public BatchResource() {}

  /** {@code POST /{version}/$batch}. */
  @POST
  @Path("$batch")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response batch(
      @Context Route route,
      @Context ContainerRequestContext request,
      @Context InnerRequests innerRequests) {
    List<BatchStep> steps = BatchRequests.parse(read(request));
    InnerRequests.OuterRequest outer =
        new InnerRequests.OuterRequest(
            request.getUriInfo().getBaseUri(),
            route.parameter("version"),
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            request.getSecurityContext().isSecure(),
            ClientAddress.of(request));
    List<StepResponse> responses =
        new BatchSchedule(
                steps,
                step -> innerRequests.dispatch(outer, step),
                innerRequests::failedDependency,
                innerRequests.executor(),
                InnerRequests.PARALLELISM_PER_BATCH)
            .run();
    return Response.ok(json(responses), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static byte[] read(ContainerRequestContext request) {
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(ContentLength.MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidRequestException("The request body could not be read.");
    }
    if (body.length > ContentLength.MAX_BODY_BYTES) {
      // A chunked body is cut off at the limit rather than read whole.
      throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    return body;
  }

  private static byte[] json(List<StepResponse> responses) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("responses");
    for (StepResponse response : responses) {
      ObjectNode entry = list.addObject();
      entry.put("id", response.id());
      entry.put("status", response.status());
      ObjectNode headers = entry.putObject("headers");
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        headers.put(header.getKey(), header.getValue());
      }
      if (response.body() != null) {
        entry.set("body", response.body());
      }
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a batch response could not be written", e);
    }
  }
}
