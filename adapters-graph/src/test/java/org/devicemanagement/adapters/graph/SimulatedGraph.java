package org.devicemanagement.adapters.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devicemanagement.adapters.graph.FakeGraph.Recorded;
import org.devicemanagement.adapters.graph.FakeGraph.Reply;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.DeviceFilterSyntax;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A small Graph for contract tests: the requests the adapter makes (the tenant's listing with a
 * {@code $filter}), over a seeded in-memory tenant, with Graph's paging (5 devices a page, in an
 * order that is not the port's), Graph's error bodies, and retire-all applied at once by the
 * server's own clock.
 */
final class SimulatedGraph implements SeededGraph {

  private static final int PAGE_SIZE = 5;
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern SKIP = Pattern.compile("(?:^|&)\\$skiptoken=(\\d+)(?:&|$)");

  private final List<User> users;
  private final Map<String, ManagedDevice> devices = new LinkedHashMap<>();
  private final FakeGraph server;

  private SimulatedGraph(List<User> users, List<ManagedDevice> seeded) {
    this.users = List.copyOf(users);
    seeded.forEach(d -> devices.put(d.id().toLowerCase(Locale.ROOT), d));
    this.server = FakeGraph.start(this::answer);
  }

  static SimulatedGraph of(List<User> users, List<ManagedDevice> devices) {
    return new SimulatedGraph(users, devices);
  }

  @Override
  public URI baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String bearerToken() {
    return GraphTestData.TOKEN;
  }

  @Override
  public void close() {
    server.close();
  }

  private synchronized Reply answer(Recorded request) {
    if (!request.header("Authorization").equals("Bearer " + GraphTestData.TOKEN)) {
      return Reply.json(
          401, GraphTestData.errorBody("InvalidAuthenticationToken", "Access token is empty."));
    }
    String[] raw = request.rawPath().split("/", -1);
    if (raw.length < 3 || !raw[1].equals("v1.0")) {
      return badSegment(raw.length > 1 ? raw[1] : "");
    }
    List<String> path = Arrays.stream(raw).skip(2).map(SimulatedGraph::decode).toList();
    String method = request.method();
    if (path.size() == 2 && path.get(0).equals("users") && method.equals("GET")) {
      return user(path.get(1))
          .map(u -> Reply.json(200, GraphTestData.userJson(u)))
          .orElseGet(() -> notFound(path.get(1)));
    }
    if (path.size() == 3
        && path.get(0).equals("users")
        && path.get(2).equals("managedDevices")
        && method.equals("GET")) {
      return user(path.get(1)).map(u -> page(u, request)).orElseGet(() -> notFound(path.get(1)));
    }
    if (path.size() == 3
        && path.get(0).equals("users")
        && path.get(2).equalsIgnoreCase("removeAllDevicesFromManagement")
        && method.equals("POST")) {
      return user(path.get(1)).map(this::retireAll).orElseGet(() -> notFound(path.get(1)));
    }
    if (path.size() == 2
        && path.get(0).equals("deviceManagement")
        && path.get(1).equals("managedDevices")
        && method.equals("GET")) {
      return tenantPage(request);
    }
    if (path.size() == 3
        && path.get(0).equals("deviceManagement")
        && path.get(1).equals("managedDevices")
        && method.equals("GET")) {
      ManagedDevice device = devices.get(path.get(2).toLowerCase(Locale.ROOT));
      return device == null
          ? Reply.json(404, GraphTestData.deviceNotFound(path.get(2)))
          : Reply.json(200, GraphTestData.deviceJson(device));
    }
    return badSegment(path.get(path.size() - 1));
  }

  // As Graph does: a GUID names an object id, anything else a userPrincipalName.
  private Optional<User> user(String reference) {
    if (GUID.matcher(reference).matches()) {
      return users.stream().filter(u -> u.hasId(reference)).findFirst();
    }
    return users.stream().filter(u -> u.hasUserPrincipalName(reference)).findFirst();
  }

  private Reply page(User user, Recorded request) {
    Matcher skip = SKIP.matcher(request.rawQuery());
    int from = skip.find() ? Integer.parseInt(skip.group(1)) : 0;
    List<ManagedDevice> owned =
        devices.values().stream()
            .filter(d -> d.belongsTo(user.id()))
            .sorted(Comparator.comparing(ManagedDevice::deviceName).reversed())
            .toList();
    int to = Math.min(from + PAGE_SIZE, owned.size());
    ObjectNode body = GraphTestData.json().createObjectNode();
    body.put("@odata.context", baseUrl() + "/$metadata#users('" + user.id() + "')/managedDevices");
    if (to < owned.size()) {
      body.put(
          "@odata.nextLink",
          baseUrl() + "/users/" + user.id() + "/managedDevices?$skiptoken=" + to);
    }
    ArrayNode value = body.putArray("value");
    owned
        .subList(Math.min(from, owned.size()), to)
        .forEach(d -> value.add(GraphTestData.deviceNode(d)));
    return Reply.json(200, GraphTestData.write(body));
  }

  // The tenant's listing with $filter (read by the application's own parser: Graph's 400 for a
  // filter it refuses), $orderby, $top (at most 5 a page, as Graph may serve fewer than asked) and
  // $count. Without $orderby the order is Graph's own, which is not by id: here by device name,
  // descending, so an adapter that assumes id order fails.
  private Reply tenantPage(Recorded request) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String option : request.rawQuery().split("&", -1)) {
      int equals = option.indexOf('=');
      if (equals > 0) {
        options.put(decode(option.substring(0, equals)), decode(option.substring(equals + 1)));
      }
    }
    Predicate<ManagedDevice> filter = device -> true;
    if (options.containsKey("$filter")) {
      try {
        filter = DeviceFilterSyntax.parse(options.get("$filter"))::test;
      } catch (InvalidRequestException e) {
        return Reply.json(400, GraphTestData.errorBody("BadRequest", e.getMessage()));
      }
    }
    Comparator<ManagedDevice> graphsOrder =
        Comparator.comparing(ManagedDevice::deviceName).reversed();
    Comparator<ManagedDevice> order = graphsOrder;
    if (options.containsKey("$orderby")) {
      order = null;
      for (String key : options.get("$orderby").split(",", -1)) {
        String[] words = key.trim().split(" ", -1);
        Comparator<ManagedDevice> one =
            switch (words[0]) {
              case "deviceName" ->
                  Comparator.comparing(ManagedDevice::deviceName, String.CASE_INSENSITIVE_ORDER);
              case "lastSyncDateTime" -> Comparator.comparing(ManagedDevice::lastSyncDateTime);
              default ->
                  throw new IllegalArgumentException("the simulation cannot order by " + key);
            };
        one = words.length > 1 && words[1].equals("desc") ? one.reversed() : one;
        order = order == null ? one : order.thenComparing(one);
      }
      order = order.thenComparing(graphsOrder);
    }
    int top = Math.min(PAGE_SIZE, Integer.parseInt(options.getOrDefault("$top", "1000")));
    int from = Integer.parseInt(options.getOrDefault("$skiptoken", "0"));
    List<ManagedDevice> matching = devices.values().stream().filter(filter).sorted(order).toList();
    int to = Math.min(from + top, matching.size());
    ObjectNode body = GraphTestData.json().createObjectNode();
    body.put("@odata.context", baseUrl() + "/$metadata#deviceManagement/managedDevices");
    if ("true".equals(options.get("$count"))) {
      body.put("@odata.count", matching.size());
    }
    if (to < matching.size()) {
      StringBuilder link =
          new StringBuilder(baseUrl().toString()).append("/deviceManagement/managedDevices?");
      options.forEach(
          (name, value) -> {
            if (!name.equals("$skiptoken")) {
              link.append(name).append('=').append(GraphHttp.queryValue(value)).append('&');
            }
          });
      body.put("@odata.nextLink", link.append("$skiptoken=").append(to).toString());
    }
    ArrayNode page = body.putArray("value");
    matching
        .subList(Math.min(from, matching.size()), to)
        .forEach(d -> page.add(GraphTestData.deviceNode(d)));
    return Reply.json(200, GraphTestData.write(body));
  }

  private Reply retireAll(User user) {
    Instant at = Instant.now();
    devices.replaceAll((id, d) -> d.belongsTo(user.id()) ? RetireAllRule.applyTo(d, at) : d);
    return Reply.noContent();
  }

  private static Reply notFound(String reference) {
    return Reply.json(404, GraphTestData.userNotFound(reference));
  }

  private static Reply badSegment(String segment) {
    return Reply.json(
        400,
        GraphTestData.errorBody(
            "BadRequest", "Resource not found for the segment '%s'.".formatted(segment)));
  }

  // Percent-decoding of one path segment ('+' stays a plus, unlike form decoding).
  private static String decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length()) {
        bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
