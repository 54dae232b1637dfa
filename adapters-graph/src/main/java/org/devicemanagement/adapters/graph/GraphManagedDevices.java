package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.devicemanagement.application.failure.BackendForbiddenException;
import org.devicemanagement.application.failure.UserNotFoundException;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;
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

  private final GraphHttp http;

  GraphManagedDevices(GraphHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * {@code GET /users/{id}/managedDevices}, following {@code @odata.nextLink} to the last page;
   * ordered by device id, each device once.
   *
   * <p>For a stand-in named by sign-in name (see {@link GraphUsersOrStandIns}) the devices carry
   * the user's real object id, as Graph listed them; see {@link #ownerOf}.
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
    URI next = http.uri("/users/" + GraphHttp.segment(user.id()) + "/managedDevices");
    List<ManagedDevice> listed = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    for (int page = 1; ; page++) {
      GraphResponse response = http.send("GET", next);
      if (response.isNotFound()) {
        throw new UserNotFoundException(user.id());
      }
      http.requireStatus(response, 200);
      JsonNode body = http.jsonObject(response);
      JsonNode value = body.path("value");
      if (!value.isArray()) {
        throw http.malformed(response, "'value' is missing or not an array", null);
      }
      for (JsonNode node : value) {
        listed.add(http.read(response, () -> GraphEntityReader.device(node)));
      }
      JsonNode link = body.path("@odata.nextLink");
      if (link.isMissingNode() || link.isNull()) {
        break;
      }
      if (page >= MAX_PAGES) {
        throw http.malformed(response, "more than %d pages".formatted(MAX_PAGES), null);
      }
      next = http.nextLink(response, link, visited);
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
   * @throws UserNotFoundException if Graph does not know the user
   */
  @Override
  public RetireAllOutcome retireAll(User user, Instant at) {
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

  /** PLACEHOLDER: forwarded to Graph's own listing in the next step. */
  @Override
  public DevicePage search(DeviceQuery query, int pageSize, Optional<String> skipToken) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public String toString() {
    return "GraphManagedDevices";
  }

  private static ManagedDevice withUserId(ManagedDevice device, String userId) {
    return device.toBuilder().userId(userId).build();
  }
}
