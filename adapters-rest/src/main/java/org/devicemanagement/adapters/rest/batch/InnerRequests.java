package org.devicemanagement.adapters.rest.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.devicemanagement.adapters.rest.auth.AnonymousSecurityContext;
import org.devicemanagement.adapters.rest.conventions.ClientAddress;
import org.devicemanagement.adapters.rest.conventions.RequestIds;
import org.devicemanagement.adapters.rest.error.ApiError;
import org.devicemanagement.adapters.rest.error.ErrorEnvelope;
import org.devicemanagement.adapters.rest.representation.JsonConventions;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.jspecify.annotations.Nullable;

/**
 * Serves the requests inside a batch through the application itself: each one is a Jersey request
 * of its own, handed to the running application's {@link ApplicationHandler} (captured when the
 * container starts), so it passes the same admission, authentication, resources, exception mappers
 * and response conventions as a request sent alone, and no route needs code for batching. Owns the
 * threads batches run their requests on.
 */
public final class InnerRequests implements ContainerLifecycleListener {

  /**
   * The most requests of one batch that run at once. One batch never takes more; a request waits
   * for a slot only while others of its own batch run.
   */
  static final int PARALLELISM_PER_BATCH = 4;

  /**
   * The threads shared by every batch. When all are busy a request runs on the thread of the batch
   * that holds it (the HTTP request's own), so a batch never waits for a thread and the threads
   * batches use stay bounded.
   */
  static final int SHARED_THREADS = 32;

  private static final ObjectMapper MAPPER = JsonConventions.mapper();
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final Clock clock;
  private volatile @Nullable ApplicationHandler handler;
  private volatile @Nullable ExecutorService threads;

  /** Requests dated (for their error bodies of failed dependencies) by {@code clock}. */
  public InnerRequests(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized void onStartup(Container container) {
    handler = container.getApplicationHandler();
    ExecutorService current = threads;
    if (current == null || current.isShutdown()) {
      threads = newThreads();
    }
  }

  @Override
  public void onReload(Container container) {
    handler = container.getApplicationHandler();
  }

  @Override
  public synchronized void onShutdown(Container container) {
    ExecutorService current = threads;
    if (current != null) {
      // Requests already running finish; a batch still starting some runs them on its own thread.
      current.shutdown();
    }
  }

  /** Where a batch's requests run: the shared threads, or the caller's when all are busy. */
  Executor executor() {
    ExecutorService current = threads;
    return current == null ? Runnable::run : current;
  }

  /**
   * Serves {@code step} of a batch that {@code outer} carried, as if it were sent alone to {@code
   * outer.base()/outer.version()/step.url()}; never throws.
   */
  StepResponse dispatch(OuterRequest outer, BatchStep step) {
    ApplicationHandler application = handler;
    if (application == null) {
      // Only before the container has started, when no batch can have arrived.
      return error(
          step,
          503,
          ApiError.of("serviceNotAvailable", "The service is not available; retry later."));
    }
    try {
      return serve(application, outer, step);
    } catch (RuntimeException e) {
      return unexpected(step, e);
    }
  }

  /**
   * The answer to a request that did not run since {@code failed}, a request it depends on, did not
   * succeed: 424 with Graph's error envelope.
   */
  StepResponse failedDependency(BatchStep step, StepResponse failed) {
    return error(
        step,
        424,
        ApiError.of(
            "FailedDependency",
            "The request depends on request '%s', which failed with status %d; it was not run."
                .formatted(failed.id(), failed.status())));
  }

  private StepResponse serve(ApplicationHandler application, OuterRequest outer, BatchStep step) {
    URI requestUri;
    try {
      requestUri = InnerUrls.resolve(outer.base(), outer.version(), step.url());
    } catch (IllegalArgumentException e) {
      // Not reached with InnerUrls' encoding; answered as the request's own 400 all the same.
      return error(step, 400, ApiError.of("BadRequest", "The request's url is not valid."));
    }
    ContainerRequest request =
        new ContainerRequest(
            outer.base(),
            requestUri,
            step.method(),
            new AnonymousSecurityContext(outer.secure()),
            new MapPropertiesDelegate(),
            application.getConfiguration());
    for (Map.Entry<String, String> header : step.headers().entrySet()) {
      String name = header.getKey();
      if (!name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)
          && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
          && !name.equalsIgnoreCase("Transfer-Encoding")) {
        request.header(name, header.getValue());
      }
    }
    if (outer.authorization() != null) {
      request.header(HttpHeaders.AUTHORIZATION, outer.authorization());
    }
    byte[] body = body(step);
    if (body.length > 0) {
      request.header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    ClientAddress.copy(outer.clientAddress(), request);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ContainerResponse response = await(application.apply(request, output));
    return answer(step, response, output.toByteArray());
  }

  private static ContainerResponse await(Future<ContainerResponse> response) {
    try {
      // Resources are synchronous: the response is complete when apply returns.
      return response.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the request inside a batch failed", e.getCause());
    }
  }

  private static byte[] body(BatchStep step) {
    JsonNode body = step.body();
    if (body == null) {
      return new byte[0];
    }
    if (!BatchRequests.isJson(step.header(HttpHeaders.CONTENT_TYPE)) && body.isTextual()) {
      // Graph's rule: a body that is not JSON travels in the batch as base64 text.
      return Base64.getDecoder().decode(body.asText());
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON body could not be written again", e);
    }
  }

  private static StepResponse answer(BatchStep step, ContainerResponse response, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
      // Connection is hop-by-hop: it speaks of the batch's connection, not of a step.
      if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
          && !header.getKey().equalsIgnoreCase("Connection")) {
        headers.put(header.getKey(), String.join(", ", header.getValue()));
      }
    }
    MediaType type = response.getMediaType();
    String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
    if (contentType == null && type != null && body.length > 0) {
      contentType = type.toString();
      headers.put(HttpHeaders.CONTENT_TYPE, contentType);
    }
    return new StepResponse(step.id(), response.getStatus(), headers, json(contentType, body));
  }

  private static @Nullable JsonNode json(@Nullable String contentType, byte[] body) {
    if (body.length == 0) {
      return null;
    }
    if (BatchRequests.isJson(contentType)) {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        // Not JSON after all: passed on as base64, like any other body.
      }
    }
    return TextNode.valueOf(Base64.getEncoder().encodeToString(body));
  }

  private StepResponse unexpected(BatchStep step, RuntimeException failure) {
    return error(step, 500, ApiError.unexpected(failure));
  }

  private StepResponse error(BatchStep step, int status, ApiError error) {
    String requestId = RequestIds.newRequestId();
    String clientRequestId =
        RequestIds.clientRequestId(step.header(RequestIds.CLIENT_REQUEST_ID), requestId);
    byte[] body =
        ErrorEnvelope.render(
            error, step.method(), step.url(), clock.instant(), requestId, clientRequestId);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(RequestIds.REQUEST_ID, requestId);
    headers.put(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
    headers.put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    return new StepResponse(step.id(), status, headers, json(MediaType.APPLICATION_JSON, body));
  }

  private static ExecutorService newThreads() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "batch-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            SHARED_THREADS,
            IDLE.toSeconds(),
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            factory,
            // Every thread busy, or the pool shut down while a batch still runs: the batch's own
            // thread serves the request, so that no request is ever dropped or left waiting.
            (runnable, executor) -> runnable.run());
    return pool;
  }

  /**
   * What an inner request takes from the batch that carried it: where the API is, the version the
   * batch was sent to, its {@code Authorization} header, whether it came over HTTPS, and the
   * address it came from.
   */
  record OuterRequest(
      URI base,
      String version,
      @Nullable String authorization,
      boolean secure,
      Optional<String> clientAddress) {

    /** Checks the base, version and address. */
    OuterRequest {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(clientAddress, "clientAddress");
    }
  }

  @Override
  public String toString() {
    return "InnerRequests";
  }
}
