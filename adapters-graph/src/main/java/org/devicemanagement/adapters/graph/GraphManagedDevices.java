package org.devicemanagement.adapters.graph;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DeviceFilterSyntax;
import org.devicemanagement.application.query.DeviceOrder;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceProperty;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's managed devices as Intune serves them through Graph, and its user-level retire-all
 * action.
 */
public final class GraphManagedDevices
    implements UserDeviceListing, ManagedDeviceLookup, ManagedDeviceSearch, DeviceRetirement {

  private static final Logger LOG = LoggerFactory.getLogger(GraphManagedDevices.class);

  // A user has a handful of devices; this many pages means Graph keeps handing out links.
  private static final int MAX_PAGES = 1000;

  /** The tenant's device listing, relative to the base URL. */
  private static final String TENANT_DEVICES = "/deviceManagement/managedDevices";

  private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder TOKEN_DECODER = Base64.getUrlDecoder();

  private final GraphHttp http;

  GraphManagedDevices(GraphHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * The user's devices from the tenant's filtered listing, {@code GET
   * /deviceManagement/managedDevices?$filter=userId eq '<id>'} (for a stand-in named by sign-in
   * name only, see {@link GraphUsersOrStandIns}, {@code userPrincipalName eq '<name>'}), following
   * {@code @odata.nextLink} to the last page; ordered by device id, each device once, devices of
   * other users left out with a warning.
   *
   * <p>For a stand-in whose filtered listing is empty, Graph's own {@code GET
   * /users/{ref}/managedDevices} is asked once: its 404 says Graph does not know the user, and it
   * lists devices enrolled under an older sign-in name. For a stand-in named by sign-in name the
   * devices carry the user's real object id, as Graph listed them; see {@link #ownerOf}.
   *
   * @throws UserNotFoundException if Graph does not know the user
   */
  @Override
  public List<ManagedDevice> listByUser(User user) {
    return list(user).devices();
  }

  /** The devices Graph listed under a user, and the object id of the user they belong to. */
  private record Listing(String ownerId, List<ManagedDevice> devices) {}

  private Listing list(User user) {
    Objects.requireNonNull(user, "user");
    List<ManagedDevice> listed =
        pages(
            http.uri(
                TENANT_DEVICES
                    + "?$filter="
                    + GraphHttp.queryValue(DeviceFilterSyntax.print(owner(user)))),
            null);
    if (listed.isEmpty() && GraphUsersOrStandIns.isStandIn(user)) {
      // Nothing under the name the request gave: ask Graph for the user's own listing, whose 404
      // says whether Graph knows the user at all (and which lists devices enrolled under an older
      // sign-in name).
      listed =
          pages(http.uri("/users/" + GraphHttp.segment(user.id()) + "/managedDevices"), user.id());
    }
    String owner = ownerOf(user, listed);
    Map<String, ManagedDevice> byId = new TreeMap<>();
    int foreign = 0;
    for (ManagedDevice listedDevice : listed) {
      ManagedDevice device = listedDevice;
      // Graph listed it under this user, so a device naming no user is this user's.
      if (device.userId().isEmpty()) {
        device = withUserId(device, owner);
      }
      if (device.belongsTo(owner) || standsInFor(user, device)) {
        byId.put(device.id(), device);
      } else {
        foreign++;
      }
    }
    if (foreign > 0) {
      LOG.warn(
          "Graph listed {} device(s) of other users under user {}; they were left out",
          foreign,
          user.id());
    }
    return new Listing(owner, List.copyOf(byId.values()));
  }

  /**
   * Every device of a listing starting at {@code first}, following {@code @odata.nextLink} to the
   * last page, in Graph's order.
   *
   * @param notFoundUser the user a 404 says does not exist; null when 404 is no answer of the
   *     listing
   */
  private List<ManagedDevice> pages(URI first, @Nullable String notFoundUser) {
    URI next = first;
    List<ManagedDevice> listed = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    visited.add(first);
    for (int page = 1; ; page++) {
      GraphResponse response = http.send("GET", next);
      if (response.isNotFound() && notFoundUser != null) {
        throw new UserNotFoundException(notFoundUser);
      }
      http.requireStatus(response, 200);
      JsonNode body = http.jsonObject(response);
      listed.addAll(devicesIn(response, body));
      JsonNode link = body.path("@odata.nextLink");
      if (link.isMissingNode() || link.isNull()) {
        return listed;
      }
      if (page >= MAX_PAGES) {
        throw http.malformed(response, "more than %d pages".formatted(MAX_PAGES), null);
      }
      next = http.nextLink(response, link, visited);
    }
  }

  private List<ManagedDevice> devicesIn(GraphResponse response, JsonNode body) {
    JsonNode value = body.path("value");
    if (!value.isArray()) {
      throw http.malformed(response, "'value' is missing or not an array", null);
    }
    List<ManagedDevice> devices = new ArrayList<>(value.size());
    for (JsonNode node : value) {
      devices.add(http.read(response, () -> GraphEntityReader.device(node)));
    }
    return devices;
  }

  /**
   * The filter selecting {@code user}'s devices in the tenant's listing: by object id, or by
   * sign-in name for a stand-in named by it only.
   */
  private static DeviceFilter owner(User user) {
    return GraphUsersOrStandIns.isNamedBySignInNameOnly(user)
        ? new DeviceFilter.Comparison(
            DeviceProperty.USER_PRINCIPAL_NAME, DeviceFilter.Operator.EQ, user.userPrincipalName())
        : new DeviceFilter.Comparison(DeviceProperty.USER_ID, DeviceFilter.Operator.EQ, user.id());
  }

  /** {@code GET /deviceManagement/managedDevices/{id}}; empty on 404. */
  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    Objects.requireNonNull(deviceId, "deviceId");
    if (!GraphHttp.usableSegment(deviceId)) {
      return Optional.empty();
    }
    GraphResponse response =
        http.send(
            "GET", http.uri("/deviceManagement/managedDevices/" + GraphHttp.segment(deviceId)));
    if (response.isNotFound()) {
      return Optional.empty();
    }
    http.requireStatus(response, 200);
    JsonNode body = http.jsonObject(response);
    return Optional.of(http.read(response, () -> GraphEntityReader.device(body)));
  }

  /**
   * Lists the user's devices, then asks Graph to retire them all with its single user-level action
   * {@code POST /users/{id}/removeAllDevicesFromManagement} (never device by device), and returns
   * what the domain's {@link RetireAllRule} predicts for the devices listed.
   *
   * <p>Graph accepts the action with {@code 204 No Content} and carries it out asynchronously:
   * right after this returns Graph may still report the devices' old states, and the outcome's
   * {@code at} is ours, not Graph's. Atomicity is Graph's (one action for the whole user); a device
   * enrolled between the listing and the action is retired by Graph but missing from the outcome.
   *
   * <p>The listing only predicts the outcome: Graph's action needs {@code
   * DeviceManagementManagedDevices.PrivilegedOperations.All} alone, the listing a read scope. When
   * Graph refuses the listing (403), the action is still sent, as Graph is the authority on it, and
   * the outcome has no transitions (what changed is then unknown here).
   *
   * <p>The outcome names the user by object id: for a stand-in named by sign-in name, the id the
   * listed devices carry. Once Graph has accepted the action nothing here fails the call, since the
   * action happened: an outcome that cannot be predicted is logged and has no transitions.
   *
   * <p>Graph keeps its own audit trail of the action, so {@code audit} is not recorded here: a
   * gateway that keeps a trail of its own records it after this returns.
   *
   * @throws UserNotFoundException if Graph does not know the user
   */
  @Override
  public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(at, "at");
    Listing before;
    try {
      before = list(user);
    } catch (BackendForbiddenException e) {
      LOG.info(
          "Graph refused to list the devices of user {} (request-id: {}); sending"
              + " removeAllDevicesFromManagement without predicting its outcome",
          user.id(),
          e.requestId());
      before = new Listing(user.id(), List.of());
    }
    // Addressed as the request named the user: an id adopted from the listing only predicts.
    GraphResponse response =
        http.send(
            "POST",
            http.uri("/users/" + GraphHttp.segment(user.id()) + "/removeAllDevicesFromManagement"));
    if (response.isNotFound()) {
      throw new UserNotFoundException(user.id());
    }
    if (response.status() != 204) {
      LOG.info(
          "Graph accepted removeAllDevicesFromManagement with {} instead of 204 (request-id: {},"
              + " client-request-id: {})",
          response.status(),
          response.requestId(),
          response.clientRequestId());
    }
    return predicted(user, before, at, response);
  }

  /**
   * What the domain's rule predicts for the devices listed before the action. Graph has accepted
   * the action by now, so a prediction that fails (devices Graph listed under the user that belong
   * to several users) is logged and answered with no transitions, never as a failure of the action.
   */
  private static RetireAllOutcome predicted(
      User user, Listing before, Instant at, GraphResponse accepted) {
    try {
      return RetireAllRule.applyTo(before.ownerId(), before.devices(), at);
    } catch (RuntimeException e) {
      LOG.warn(
          "Graph accepted removeAllDevicesFromManagement for user {} (request-id: {},"
              + " client-request-id: {}), but its outcome cannot be predicted from the {} device(s)"
              + " listed; answering without the devices it changed",
          user.id(),
          accepted.requestId(),
          accepted.clientRequestId(),
          before.devices().size(),
          e);
      return new RetireAllOutcome(before.ownerId(), at, List.of());
    }
  }

  /**
   * The object id of the user Graph listed {@code devices} under: the user's own id; for a stand-in
   * named by sign-in name, the one id the listed devices carry (those showing that sign-in name
   * first, as a device keeps the sign-in name it was enrolled with), or the stand-in's name when
   * they carry none or several.
   */
  private static String ownerOf(User user, List<ManagedDevice> devices) {
    if (!GraphUsersOrStandIns.isNamedBySignInNameOnly(user)) {
      return user.id();
    }
    Set<String> underTheName =
        userIds(devices.stream().filter(d -> user.hasUserPrincipalName(d.userPrincipalName())));
    Set<String> candidates = underTheName.isEmpty() ? userIds(devices.stream()) : underTheName;
    return candidates.size() == 1 ? candidates.iterator().next() : user.id();
  }

  private static Set<String> userIds(Stream<ManagedDevice> devices) {
    return devices
        .map(ManagedDevice::userId)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
  }

  /**
   * Whether {@code user} is a stand-in named by sign-in name only (see {@link
   * GraphUsersOrStandIns}) and {@code device} is listed under that sign-in name.
   */
  private static boolean standsInFor(User user, ManagedDevice device) {
    return GraphUsersOrStandIns.isNamedBySignInNameOnly(user)
        && user.hasUserPrincipalName(device.userPrincipalName());
  }

  /**
   * Forwards to Graph's {@code GET /deviceManagement/managedDevices} with {@code $filter}, {@code
   * $orderby}, {@code $top} and {@code $count=true} as the query asks (no {@code ConsistencyLevel}
   * header: Intune needs none), and answers Graph's page as is: its devices in its order, its
   * {@code @odata.count}, and its {@code @odata.nextLink} as the skip token (the link's path and
   * query under the base URL, base64url), which a later call follows as Graph gave it: the query
   * and page size given with a skip token are Graph's own from the first page.
   *
   * @throws InvalidRequestException if the skip token is not one this search gave, or Graph refuses
   *     the query (400, with Graph's message)
   */
  @Override
  public DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size %d is below 1".formatted(pageSize));
    }
    URI uri = skipToken.map(this::continuation).orElseGet(() -> firstPage(query, pageSize));
    GraphResponse response;
    try {
      response = http.send("GET", uri);
    } catch (BackendUnavailableException e) {
      if (e.httpStatus() == 400) {
        throw new InvalidRequestException(
            e.graphMessage().isEmpty()
                ? "Microsoft Graph refused the query (HTTP 400, request-id: %s)."
                    .formatted(e.requestId())
                : e.graphMessage());
      }
      throw e;
    }
    http.requireStatus(response, 200);
    JsonNode body = http.jsonObject(response);
    List<ManagedDevice> devices = devicesIn(response, body);
    JsonNode link = body.path("@odata.nextLink");
    Optional<String> next = Optional.empty();
    if (!link.isMissingNode() && !link.isNull()) {
      Set<URI> visited = new HashSet<>();
      visited.add(uri);
      URI nextUri = http.nextLink(response, link, visited);
      String relative =
          http.relativeToBase(nextUri)
              .filter(GraphManagedDevices::continuesTheListing)
              .orElseThrow(
                  () ->
                      http.malformed(
                          response,
                          "'@odata.nextLink' does not continue %s under %s"
                              .formatted(TENANT_DEVICES, http.settings().baseUrl()),
                          null));
      next = Optional.of(TOKEN_ENCODER.encodeToString(relative.getBytes(StandardCharsets.UTF_8)));
    }
    JsonNode count = body.path("@odata.count");
    return new DevicePage(
        devices,
        next,
        query.count() && count.canConvertToLong() && count.isIntegralNumber()
            ? OptionalLong.of(count.asLong())
            : OptionalLong.empty());
  }

  private URI firstPage(DeviceQuery query, int pageSize) {
    StringJoiner options = new StringJoiner("&", TENANT_DEVICES + "?", "");
    query
        .filter()
        .ifPresent(
            filter ->
                options.add("$filter=" + GraphHttp.queryValue(DeviceFilterSyntax.print(filter))));
    if (!query.orderBy().isEmpty()) {
      options.add(
          "$orderby="
              + GraphHttp.queryValue(
                  query.orderBy().stream().map(DeviceOrder::toOData).collect(joining(","))));
    }
    options.add("$top=" + pageSize);
    if (query.count()) {
      options.add("$count=true");
    }
    return http.uri(options.toString());
  }

  /** The next page a skip token names: Graph's nextLink under the base URL, nothing else. */
  private URI continuation(String skipToken) {
    String relative;
    try {
      relative = new String(TOKEN_DECODER.decode(skipToken), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidSkipToken();
    }
    if (!continuesTheListing(relative)) {
      throw invalidSkipToken();
    }
    return http.underBase(relative).orElseThrow(GraphManagedDevices::invalidSkipToken);
  }

  /** Whether {@code relative} (a path and query under the base URL) is the tenant's listing. */
  private static boolean continuesTheListing(String relative) {
    int query = relative.indexOf('?');
    String path = query < 0 ? relative : relative.substring(0, query);
    return path.equalsIgnoreCase(TENANT_DEVICES);
  }

  private static InvalidRequestException invalidSkipToken() {
    return new InvalidRequestException("The $skiptoken value is not valid.");
  }

  @Override
  public String toString() {
    return "GraphManagedDevices";
  }

  private static ManagedDevice withUserId(ManagedDevice device, String userId) {
    return device.toBuilder().userId(userId).build();
  }
}
