package org.devicemanagement.adapters.rest.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.uri.UriComponent;
import org.jspecify.annotations.Nullable;

/**
 * The paths this API serves, as a tree of Graph segment names, used to match segments ignoring case
 * (as Graph does) and to name the first segment that matches nothing.
 */
public final class GraphPaths {

  /** The API versions, as Graph spells them. */
  public static final List<String> VERSIONS = List.of("v1.0", "beta");

  private static final String ACTION_NAMESPACE = "microsoft.graph.";
  private static final int MAX_SHOWN_SEGMENT_LENGTH = 200;
  private static final Pattern KEY_SEGMENT =
      Pattern.compile("([A-Za-z.]+)\\('(.*)'\\)", Pattern.DOTALL);

  private static final Node RETIRE_ALL = Node.route();
  private static final Node USER =
      Node.routeBranch()
          .action("removeAllDevicesFromManagement", RETIRE_ALL)
          .literal("managedDevices", Node.route());
  private static final Node VERSION =
      Node.branch()
          .literal("users", Node.param(USER))
          .literal("me", USER)
          .literal(
              "deviceManagement",
              Node.branch().literal("managedDevices", Node.param(Node.route())));

  private GraphPaths() {}

  /** What a request path resolves to. */
  public sealed interface Resolution {}

  /** A path that names a route; {@code rawPath} has every known segment in Graph's spelling. */
  public record Route(String rawPath) implements Resolution {
    /** Checks that the path is present. */
    public Route {
      Objects.requireNonNull(rawPath, "rawPath");
    }
  }

  /** A path that names no route; {@code message} says which segment, as Graph words it. */
  public record NoRoute(String message) implements Resolution {
    /** Checks that the message is present. */
    public NoRoute {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Resolves {@code rawPath}, a request path relative to the API's base, still percent-encoded. One
   * trailing slash is ignored.
   */
  public static Resolution resolve(String rawPath) {
    Objects.requireNonNull(rawPath, "rawPath");
    int start = rawPath.startsWith("/") ? 1 : 0;
    int end = rawPath.length();
    if (end > start && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    if (end <= start) {
      return new NoRoute("The request URI names no version; use /v1.0 or /beta.");
    }
    // One pass over the segments without copying the path: the canonical spelling is built only
    // once a segment is found whose spelling differs (the common request needs no rewriting).
    int slash = segmentEnd(rawPath, start, end);
    String rawVersion = rawPath.substring(start, slash);
    String version = canonicalVersion(decode(rawVersion));
    if (version == null) {
      return new NoRoute("Invalid version: " + shown(decode(rawVersion)));
    }
    Canonical canonical = new Canonical(rawPath, start);
    canonical.keep(rawVersion, version);
    Node node = VERSION;
    String lastRaw = rawVersion;
    for (int from = slash + 1; slash < end; from = slash + 1) {
      slash = segmentEnd(rawPath, from, end);
      String raw = rawPath.substring(from, slash);
      lastRaw = raw;
      String segment = decode(raw);
      Node.Child literal = node.literal(segment);
      if (literal != null) {
        canonical.keep(raw, literal.name());
        node = literal.node();
        continue;
      }
      Matcher keyed = segment.indexOf('(') > 0 ? KEY_SEGMENT.matcher(segment) : null;
      Node.Child keyedLiteral =
          keyed != null && keyed.matches() ? node.literal(keyed.group(1)) : null;
      Node parameter = node.parameter();
      if (keyed != null
          && keyedLiteral != null
          && keyedLiteral.node().parameter() != null
          && !keyed.group(2).isEmpty()) {
        // OData key syntax, users('{id | userPrincipalName}'), which Graph needs for UPNs
        // starting with '$': the same as users/{key}, with '' standing for one quote.
        String key = keyed.group(2).replace("''", "'");
        canonical.replace(
            keyedLiteral.name() + "/" + UriComponent.encode(key, UriComponent.Type.PATH_SEGMENT));
        node = Objects.requireNonNull(keyedLiteral.node().parameter());
      } else if (parameter != null && !segment.isEmpty()) {
        canonical.keep(raw, raw);
        node = parameter;
      } else {
        return unknownSegment(segment);
      }
    }
    if (!node.isRoute()) {
      // A path that stops short of a route (e.g. /v1.0/deviceManagement) names nothing this API
      // serves.
      return unknownSegment(decode(lastRaw));
    }
    return new Route(canonical.path(end));
  }

  private static int segmentEnd(String path, int from, int end) {
    int slash = path.indexOf('/', from);
    return slash < 0 || slash > end ? end : slash;
  }

  /**
   * The canonical path being built: the raw path itself while every segment keeps its spelling, a
   * copy from the first segment that changes.
   */
  private static final class Canonical {
    private final String rawPath;
    private final int start;
    private int keptUpTo;
    private @Nullable StringBuilder rewritten;

    Canonical(String rawPath, int start) {
      this.rawPath = rawPath;
      this.start = start;
      this.keptUpTo = start;
    }

    void keep(String raw, String spelled) {
      if (rewritten == null && raw.equals(spelled)) {
        keptUpTo += raw.length() + 1;
        return;
      }
      replace(spelled);
    }

    void replace(String spelled) {
      StringBuilder builder = rewritten;
      if (builder == null) {
        builder = new StringBuilder(rawPath.length() + 16);
        builder.append(rawPath, start, Math.max(start, keptUpTo - 1));
        rewritten = builder;
      }
      if (builder.length() > 0) {
        builder.append('/');
      }
      builder.append(spelled);
    }

    String path(int end) {
      if (rewritten != null) {
        return rewritten.toString();
      }
      return rawPath.substring(start, end);
    }
  }

  private static @Nullable String canonicalVersion(String segment) {
    for (String version : VERSIONS) {
      if (version.equalsIgnoreCase(segment)) {
        return version;
      }
    }
    return null;
  }

  private static NoRoute unknownSegment(String segment) {
    return new NoRoute("Resource not found for the segment '%s'.".formatted(shown(segment)));
  }

  private static String decode(String rawSegment) {
    try {
      return UriComponent.decode(rawSegment, UriComponent.Type.PATH_SEGMENT);
    } catch (IllegalArgumentException malformed) {
      return rawSegment;
    }
  }

  private static String shown(String segment) {
    return segment.length() <= MAX_SHOWN_SEGMENT_LENGTH
        ? segment
        : segment.substring(0, MAX_SHOWN_SEGMENT_LENGTH) + "...";
  }

  /**
   * A segment position: the literal names that may follow, a parameter, and whether it ends a
   * route.
   */
  private record Node(
      Map<String, Child> literals,
      Map<String, Child> spelled,
      @Nullable Node parameter,
      boolean isRoute) {

    /** One literal segment and where it leads. */
    record Child(String name, Node node, boolean action) {}

    static Node branch() {
      return new Node(new LinkedHashMap<>(), new LinkedHashMap<>(), null, false);
    }

    /** A position that is a route itself and may also be followed by literals. */
    static Node routeBranch() {
      return new Node(new LinkedHashMap<>(), new LinkedHashMap<>(), null, true);
    }

    static Node route() {
      return new Node(Map.of(), Map.of(), null, true);
    }

    static Node param(Node next) {
      return new Node(Map.of(), Map.of(), next, false);
    }

    Node literal(String name, Node next) {
      return put(new Child(name, next, false));
    }

    Node action(String name, Node next) {
      return put(new Child(name, next, true));
    }

    private Node put(Child child) {
      literals.put(child.name().toLowerCase(Locale.ROOT), child);
      spelled.put(child.name(), child);
      return this;
    }

    @Nullable Child literal(String segment) {
      Child exact = spelled.get(segment);
      if (exact != null) {
        return exact;
      }
      String key = segment.toLowerCase(Locale.ROOT);
      Child child = literals.get(key);
      if (child == null && key.startsWith(ACTION_NAMESPACE)) {
        // Graph also accepts actions qualified with their namespace.
        Child qualified = literals.get(key.substring(ACTION_NAMESPACE.length()));
        return qualified != null && qualified.action() ? qualified : null;
      }
      return child;
    }
  }
}
