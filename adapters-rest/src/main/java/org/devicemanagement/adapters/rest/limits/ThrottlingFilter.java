package org.devicemanagement.adapters.rest.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.devicemanagement.adapters.rest.auth.CallerPrincipal;
import org.devicemanagement.adapters.rest.batch.BatchResource;
import org.devicemanagement.adapters.rest.conventions.ExchangeIds;
import org.devicemanagement.adapters.rest.resource.AuditEventsResource;
import org.devicemanagement.adapters.rest.resource.RetireAllCommands;
import org.devicemanagement.adapters.rest.resource.UserResource;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.RequestThrottledException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Counts every authenticated request to a route of Intune's "devices" bucket against {@link
 * IntuneThrottle}, per the caller's tenant and application ({@code appid}), and refuses one past a
 * limit with {@link RequestThrottledException} (Graph's 429 {@code TooManyRequests}). Runs after
 * authentication, so requests refused earlier (401, 404 routes, 405) are not counted; requests
 * inside a {@code $batch} pass through it one by one, the batch itself does not. A refused
 * retire-all is handed to the retire-all use case first, which records the refusal in the audit
 * trail as it records its own.
 */
@Priority(Priorities.AUTHORIZATION)
public final class ThrottlingFilter implements ContainerRequestFilter {

  /** Graph's message for throttling. */
  static final String RETRY_LATER = "Please retry again later.";

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  // Not Intune's "devices" bucket: the batch is counted by its requests, a user is read from
  // Entra's directory, and the audit trail is Intune's auditing bucket, which is not modelled.
  private static final Set<Class<?>> NOT_COUNTED =
      Set.of(BatchResource.class, UserResource.class, AuditEventsResource.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IntuneThrottle throttle;
  private final boolean sendsRetryAfter;
  private final Supplier<? extends RemoveAllDevicesFromManagementUseCase> retireAll;

  /**
   * A filter counting with {@code throttle}; a refusal carries {@code Retry-After} when {@code
   * sendsRetryAfter}, and otherwise Intune's JSON-in-a-string message without it. A refused
   * retire-all is recorded through the use case {@code retireAll} gives, asked only then (so the
   * filter can be built before the application is).
   */
  public ThrottlingFilter(
      IntuneThrottle throttle,
      boolean sendsRetryAfter,
      Supplier<? extends RemoveAllDevicesFromManagementUseCase> retireAll) {
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.sendsRetryAfter = sendsRetryAfter;
    this.retireAll = Objects.requireNonNull(retireAll, "retireAll");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof CallerPrincipal principal)
        || !counted(request)) {
      return;
    }
    Caller caller = principal.caller();
    Optional<IntuneThrottle.Refusal> refusal =
        throttle.admit(
            caller.tenantId(), caller.appId().orElse(""), WRITES.contains(request.getMethod()));
    if (refusal.isPresent()) {
      RequestThrottledException refused = refused(refusal.get(), ExchangeIds.requestId(request));
      Optional<RemoveAllDevicesFromManagementCommand> command;
      try {
        command = RetireAllCommands.of(request, caller);
      } catch (DeviceManagementException unreadable) {
        // A user segment the resource would refuse: throttling answers first, unrecorded.
        command = Optional.empty();
      }
      throw command.isPresent() ? retireAll.get().refused(command.get(), refused) : refused;
    }
  }

  private static boolean counted(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo uri)) {
      return true;
    }
    ResourceMethod method = uri.getMatchedResourceMethod();
    return method == null
        || !NOT_COUNTED.contains(method.getInvocable().getHandler().getHandlerClass());
  }

  private RequestThrottledException refused(IntuneThrottle.Refusal refusal, String requestId) {
    if (sendsRetryAfter) {
      return new RequestThrottledException(
          refusal.limit(),
          "%s The request passed Intune's limit of %s.".formatted(RETRY_LATER, refusal.limit()),
          Optional.of(refusal.retryAfter()));
    }
    return new RequestThrottledException(
        refusal.limit(), intuneMessage(requestId), Optional.<Duration>empty());
  }

  /** The message Intune has been seen to send with a 429 and no {@code Retry-After}. */
  static String intuneMessage(String requestId) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("_version", 3);
    message.put(
        "Message",
        "An error has occurred - Operation ID (for customer support): %s - Activity ID: %s"
            .formatted(UUID.randomUUID(), requestId));
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of a number and a string is always JSON", e);
    }
  }
}
