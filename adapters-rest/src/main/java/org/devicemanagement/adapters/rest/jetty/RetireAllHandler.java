package org.devicemanagement.adapters.rest.jetty;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.BearerAuthenticationFilter;
import org.devicemanagement.adapters.rest.error.DeviceManagementExceptionMapper;
import org.devicemanagement.adapters.rest.error.GraphError;
import org.devicemanagement.adapters.rest.http.AcceptHeader;
import org.devicemanagement.adapters.rest.http.GraphPaths;
import org.devicemanagement.adapters.rest.http.GraphRequestFilter;
import org.devicemanagement.adapters.rest.http.GraphResponseFilter;
import org.devicemanagement.adapters.rest.http.RequestIds;
import org.devicemanagement.adapters.rest.resource.RetireAllAudit;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.domain.RetireAllOutcome;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Serves the everyday retire-all request (POST, an authenticated caller, a plain user id or
 * userPrincipalName or {@code /me}, no body, no query) straight on Jetty, without Jersey's
 * per-request stages; every other request goes on to the wrapped handler (the Jersey application),
 * which answers it as it answers everything.
 *
 * <p>The two paths answer alike: the same route resolution, token check, use case, audit line,
 * request ids and error mapping. A request this handler cannot judge alone (a body to inspect, an
 * encoded user segment, a query, repeated headers, a missing or refused token) is handed over
 * before the use case is called, so the use case runs once per request whichever path serves it.
 */
public final class RetireAllHandler extends Handler.Wrapper {

  private static final String POST = "POST";
  private static final String ACTION = "removeAllDevicesFromManagement";
  private static final String USERS = "users/";
  private static final String ME_ACTION = "me/" + ACTION;
  private static final String APPLICATION_JSON = "application/json";

  private final AccessTokenVerifier verifier;
  private final RemoveAllDevicesFromManagementUseCase useCase;
  private final DeviceManagementExceptionMapper failures = new DeviceManagementExceptionMapper();
  private final Clock clock;

  /**
   * A handler retiring through {@code useCase} for callers {@code verifier} accepts, dating errors
   * by {@code clock}, in front of {@code next}.
   */
  public RetireAllHandler(
      AccessTokenVerifier verifier,
      RemoveAllDevicesFromManagementUseCase useCase,
      Clock clock,
      Handler next) {
    super(Objects.requireNonNull(next, "next"));
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Accepted accepted = accept(request);
    if (accepted == null) {
      return super.handle(request, response, callback);
    }
    String requestId = RequestIds.newRequestId();
    String clientRequestId = RequestIds.clientRequestId(accepted.clientRequestId(), requestId);
    response.getHeaders().put(RequestIds.REQUEST_ID, requestId);
    response.getHeaders().put(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
    RetireAllOutcome outcome;
    try {
      outcome =
          useCase.removeAllDevicesFromManagement(
              new RemoveAllDevicesFromManagementCommand(accepted.caller(), accepted.user()));
    } catch (RuntimeException e) {
      fail(e, accepted, requestId, clientRequestId, response, callback);
      return true;
    }
    RetireAllAudit.record(accepted.caller(), outcome, requestId);
    response.setStatus(204);
    callback.succeeded();
    return true;
  }

  /** What a request this handler serves carries, or null when Jersey is to answer it. */
  private @Nullable Accepted accept(Request request) {
    if (!POST.equals(request.getMethod())) {
      return null;
    }
    HttpURI uri = request.getHttpURI();
    String path = uri.getPath();
    if (path == null || uri.getQuery() != null) {
      return null;
    }
    String authorization = null;
    String accept = null;
    String clientRequestId = null;
    for (HttpField field : request.getHeaders()) {
      HttpHeader header = field.getHeader();
      if (header == HttpHeader.AUTHORIZATION) {
        if (authorization != null) {
          return null;
        }
        authorization = field.getValue();
      } else if (header == HttpHeader.ACCEPT) {
        if (accept != null) {
          return null;
        }
        accept = field.getValue();
      } else if (header == HttpHeader.CONTENT_LENGTH) {
        if (GraphRequestFilter.declaredLength(field.getValue()) != 0) {
          return null;
        }
      } else if (header == HttpHeader.TRANSFER_ENCODING) {
        // A body to read and judge: the resource's own check does that.
        return null;
      } else if (field.is(RequestIds.CLIENT_REQUEST_ID)) {
        if (clientRequestId != null) {
          return null;
        }
        clientRequestId = field.getValue();
      }
    }
    if (authorization == null || !AcceptHeader.admitsJson(accept)) {
      return null;
    }
    if (!(GraphPaths.resolve(path) instanceof GraphPaths.Route route)) {
      return null;
    }
    UserReference user = target(route.rawPath());
    if (user == null) {
      return null;
    }
    Caller caller;
    try {
      caller = verifier.verify(BearerAuthenticationFilter.bearerToken(authorization));
    } catch (RuntimeException refused) {
      // Jersey's filters answer a missing or refused token with Graph's 401 (and log as they do).
      return null;
    }
    return new Accepted(caller, user, route.rawPath(), clientRequestId);
  }

  /**
   * The user a canonical route names when it is this action with a segment that needs no decoding,
   * else null.
   */
  private static @Nullable UserReference target(String canonical) {
    // The canonical path starts with its version (v1.0 or beta) and has no trailing slash.
    int afterVersion = canonical.indexOf('/') + 1;
    if (afterVersion == 0) {
      return null;
    }
    if (canonical.length() - afterVersion == ME_ACTION.length()
        && canonical.startsWith(ME_ACTION, afterVersion)) {
      return new UserReference.SignedInUser();
    }
    if (!canonical.startsWith(USERS, afterVersion)) {
      return null;
    }
    int segmentStart = afterVersion + USERS.length();
    int segmentEnd = canonical.indexOf('/', segmentStart);
    if (segmentEnd < 0
        || canonical.length() - segmentEnd - 1 != ACTION.length()
        || !canonical.startsWith(ACTION, segmentEnd + 1)) {
      return null;
    }
    String segment = canonical.substring(segmentStart, segmentEnd);
    return isPlain(segment) ? UserReference.parse(segment) : null;
  }

  /**
   * Whether a raw path segment means the same decoded: letters, digits and {@code . _ @ -}, not
   * only dots (which URI normalisation could treat as a path step).
   */
  private static boolean isPlain(String segment) {
    boolean onlyDots = true;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '@'
              || c == '-';
      if (!plain) {
        return false;
      }
      onlyDots &= c == '.';
    }
    return !segment.isEmpty() && !onlyDots;
  }

  /** Answers a failed use case as the exception mappers and response filter do. */
  private void fail(
      RuntimeException failure,
      Accepted accepted,
      String requestId,
      String clientRequestId,
      Response response,
      Callback callback) {
    int status;
    GraphError error;
    if (failure instanceof DeviceManagementException known) {
      jakarta.ws.rs.core.Response mapped = failures.toResponse(known);
      status = mapped.getStatus();
      error = (GraphError) Objects.requireNonNull(mapped.getEntity(), "mapped entity");
      for (Map.Entry<String, List<String>> header : mapped.getStringHeaders().entrySet()) {
        for (String value : header.getValue()) {
          response.getHeaders().add(header.getKey(), value);
        }
      }
    } else {
      status = 500;
      error = GraphError.unexpected(failure);
    }
    byte[] body =
        GraphResponseFilter.envelope(
            error, POST, accepted.path(), clock.instant(), requestId, clientRequestId);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, APPLICATION_JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** A request this handler serves: who calls, for whom, its canonical path and client id. */
  private record Accepted(
      Caller caller, UserReference user, String path, @Nullable String clientRequestId) {}
}
