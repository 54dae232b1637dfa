package org.devicemanagement.adapters.rest.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriComponent;
import org.jspecify.annotations.Nullable;

/**
 * Every route the API serves, derived from the Jersey resource classes' own {@code @Path}
 * annotations, so the routes that path resolution knows and the resources that serve them cannot
 * drift apart. Resolves a request path once, in one pass: segment names match ignoring case (as
 * Graph does), Graph's OData key syntax {@code users('<key>')} equals {@code users/<key>}, bound
 * operations may be namespace-qualified, and the first segment that matches nothing is named.
 */
public final class RouteTable {

  private static final String OPERATION_NAMESPACE = "microsoft.graph.";
  private static final int MAX_SHOWN_SEGMENT_LENGTH = 200;
  // users('<key>'), and a function's one parameter: getAuditActivityTypes(category='<value>').
  private static final Pattern KEY_SEGMENT =
      Pattern.compile("([A-Za-z.]+)\\((?:([A-Za-z_][A-Za-z0-9_]*)=)?'(.*)'\\)", Pattern.DOTALL);
  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(?::\\s*(.*?)\\s*)?}");
  // A parameter pattern this table can read: alternatives of literal text, such as v1\.0|beta.
  private static final Pattern LITERAL_ALTERNATIVES =
      Pattern.compile("(?:[A-Za-z0-9_-]|\\\\\\.)+(?:\\|(?:[A-Za-z0-9_-]|\\\\\\.)+)*");

  private final Node root;
  private final List<RouteTemplate> templates;
  private final String noVersionMessage;

  private RouteTable(Node root, List<RouteTemplate> templates) {
    this.root = root;
    this.templates = List.copyOf(templates);
    Parameter first = root.parameter;
    this.noVersionMessage =
        first != null && first.choices != null
            ? "The request URI names no version; use "
                + first.choices.stream().map(v -> "/" + v).collect(Collectors.joining(" or "))
                + "."
            : "The request URI names no resource.";
  }

  /**
   * The routes of {@code resourceClasses}, read from their Jersey resource model.
   *
   * @throws IllegalArgumentException if two routes disagree (a parameter named differently at the
   *     same position) or a parameter's pattern is not alternatives of literal text
   */
  public static RouteTable of(Collection<Class<?>> resourceClasses) {
    Map<String, TemplateBuilder> byPath = new LinkedHashMap<>();
    for (Class<?> resourceClass : resourceClasses) {
      Resource resource = Resource.from(resourceClass);
      String base = Objects.requireNonNullElse(resource.getPath(), "");
      boolean control = resourceClass.isAnnotationPresent(ControlRoute.class);
      collect(base, resource.getResourceMethods(), control, byPath);
      for (Resource child : resource.getChildResources()) {
        if (!child.getChildResources().isEmpty()) {
          throw new IllegalArgumentException(
              "%s: nested sub-resources are not supported".formatted(resourceClass.getName()));
        }
        collect(base + "/" + child.getPath(), child.getResourceMethods(), control, byPath);
      }
    }
    Node root = new Node();
    List<RouteTemplate> templates = new ArrayList<>();
    for (TemplateBuilder builder : byPath.values()) {
      RouteTemplate template = builder.build();
      templates.add(template);
      root.add(builder.segments, 0, template);
    }
    return new RouteTable(root, templates);
  }

  /** Every route, one per path template, in the order the resource classes declare them. */
  public List<RouteTemplate> templates() {
    return templates;
  }

  /**
   * Resolves {@code rawPath}, a request path relative to the API's base, still percent-encoded. One
   * trailing slash is ignored.
   */
  public Resolution resolve(String rawPath) {
    Objects.requireNonNull(rawPath, "rawPath");
    int start = rawPath.startsWith("/") ? 1 : 0;
    int end = rawPath.length();
    if (end > start && rawPath.charAt(end - 1) == '/') {
      end--;
    }
    if (end <= start) {
      return new NoRoute(noVersionMessage);
    }
    // One pass over the segments without copying the path: the canonical spelling is built only
    // once a segment is found whose spelling differs (the common request needs no rewriting).
    Canonical canonical = new Canonical(rawPath, start);
    List<String> values = new ArrayList<>(2);
    Node node = root;
    String lastRaw = "";
    int slash = start - 1;
    for (int from = start; slash < end; from = slash + 1) {
      slash = segmentEnd(rawPath, from, end);
      String raw = rawPath.substring(from, slash);
      lastRaw = raw;
      String segment = decode(raw);
      Child literal = node.literal(segment);
      if (literal != null) {
        canonical.keep(raw, literal.name());
        node = literal.node();
        continue;
      }
      // A function called without parameters, as the Graph SDKs write it: getAuditCategories().
      Child called =
          segment.endsWith("()") ? node.literal(segment.substring(0, segment.length() - 2)) : null;
      if (called != null && called.operation()) {
        canonical.keep(raw, called.name());
        node = called.node();
        continue;
      }
      Parameter parameter = node.parameter;
      Matcher keyed = segment.indexOf('(') > 0 ? KEY_SEGMENT.matcher(segment) : null;
      Child keyedLiteral = keyed != null && keyed.matches() ? node.literal(keyed.group(1)) : null;
      Parameter keyedParameter = keyedLiteral == null ? null : keyedLiteral.node().parameter;
      if (keyed != null
          && keyedLiteral != null
          && keyedParameter != null
          && keyedParameter.choices == null
          && (keyed.group(2) == null || keyed.group(2).equalsIgnoreCase(keyedParameter.name))
          && !keyed.group(3).isEmpty()) {
        // OData key syntax, users('{id | userPrincipalName}'), which Graph needs for UPNs
        // starting with '$': the same as users/{key}, with '' standing for one quote. A
        // function's parameter, f(name='value'), is the same as f/{name} with that value.
        String key = keyed.group(3).replace("''", "'");
        canonical.replace(
            keyedLiteral.name() + "/" + UriComponent.encode(key, UriComponent.Type.PATH_SEGMENT));
        values.add(key);
        node = keyedParameter.next;
      } else if (parameter != null && parameter.choices != null) {
        String chosen = parameter.choose(segment);
        if (chosen == null) {
          return node == root
              ? new NoRoute("Invalid version: " + shown(segment))
              : unknownSegment(segment);
        }
        canonical.keep(raw, chosen);
        values.add(chosen);
        node = parameter.next;
      } else if (parameter != null && !segment.isEmpty()) {
        canonical.keep(raw, raw);
        values.add(segment);
        node = parameter.next;
      } else {
        return unknownSegment(segment);
      }
    }
    RouteTemplate template = node.template;
    if (template == null) {
      // A path that stops short of a route (e.g. /v1.0/deviceManagement) names nothing served.
      return unknownSegment(decode(lastRaw));
    }
    return new Route(template, canonical.path(end), values);
  }

  private static void collect(
      String path,
      List<ResourceMethod> methods,
      boolean control,
      Map<String, TemplateBuilder> byPath) {
    if (methods.isEmpty()) {
      return;
    }
    String normalized = normalize(path);
    TemplateBuilder builder =
        byPath.computeIfAbsent(normalized, p -> new TemplateBuilder(p, parse(p), control));
    if (builder.control != control) {
      throw new IllegalArgumentException(
          "%s: served by both control and Graph resources".formatted(normalized));
    }
    for (ResourceMethod method : methods) {
      if (method.getHttpMethod() == null) {
        throw new IllegalArgumentException(
            "%s: sub-resource locators are not supported".formatted(normalized));
      }
      builder.methods.add(method.getHttpMethod());
      if (method.getInvocable().getDefinitionMethod().isAnnotationPresent(BoundOperation.class)) {
        builder.bound = true;
      }
    }
  }

  private static String normalize(String path) {
    StringBuilder normalized = new StringBuilder(path.length());
    // The limit -1 keeps trailing empty parts, which are skipped like the others.
    for (String part : path.split("/", -1)) {
      if (!part.isEmpty()) {
        if (normalized.length() > 0) {
          normalized.append('/');
        }
        normalized.append(part);
      }
    }
    return normalized.toString();
  }

  private static List<Segment> parse(String template) {
    List<Segment> segments = new ArrayList<>();
    // Templates come normalized (see normalize): no empty part, so the limit changes nothing.
    for (String part : template.split("/", -1)) {
      Matcher parameter = PARAMETER.matcher(part);
      if (parameter.matches()) {
        String pattern = parameter.group(2);
        List<String> choices = null;
        if (pattern != null) {
          if (!LITERAL_ALTERNATIVES.matcher(pattern).matches()) {
            throw new IllegalArgumentException(
                "%s: the pattern of {%s} must be alternatives of literal text"
                    .formatted(template, parameter.group(1)));
          }
          choices = List.of(pattern.replace("\\.", ".").split("\\|")).stream().distinct().toList();
        }
        segments.add(new Segment(parameter.group(1), true, choices));
      } else if (part.contains("{")) {
        throw new IllegalArgumentException(
            "%s: a segment is either literal or one whole parameter".formatted(template));
      } else {
        segments.add(new Segment(part, false, null));
      }
    }
    return segments;
  }

  private static int segmentEnd(String path, int from, int end) {
    int slash = path.indexOf('/', from);
    return slash < 0 || slash > end ? end : slash;
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

  /** One segment of a template: a literal, or a parameter, maybe restricted to literal choices. */
  private record Segment(String name, boolean parameter, @Nullable List<String> choices) {}

  /** A template being collected from the resource methods that share its path. */
  private static final class TemplateBuilder {
    private final String path;
    private final List<Segment> segments;
    private final boolean control;
    private final Set<String> methods = new LinkedHashSet<>();
    private boolean bound;

    TemplateBuilder(String path, List<Segment> segments, boolean control) {
      this.path = path;
      this.segments = segments;
      this.control = control;
    }

    RouteTemplate build() {
      Segment last = segments.get(segments.size() - 1);
      if (bound && last.parameter()) {
        throw new IllegalArgumentException(
            "%s: a bound operation's path must end with its name".formatted(path));
      }
      return new RouteTemplate(
          path,
          segments.stream().filter(Segment::parameter).map(Segment::name).toList(),
          methods,
          bound ? Optional.of(last.name()) : Optional.empty(),
          control);
    }
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

  /** A literal segment and where it leads; {@code operation} if it may be namespace-qualified. */
  private record Child(String name, Node node, boolean operation) {}

  /** A parameter segment: its name, the literal values it allows (null for any), what follows. */
  private static final class Parameter {
    private final String name;
    private final @Nullable List<String> choices;
    private final Node next = new Node();

    Parameter(String name, @Nullable List<String> choices) {
      this.name = name;
      this.choices = choices;
    }

    /** The choice {@code segment} names ignoring case, in its declared spelling, or null. */
    @Nullable String choose(String segment) {
      for (String choice : Objects.requireNonNull(choices, "choices")) {
        if (choice.equalsIgnoreCase(segment)) {
          return choice;
        }
      }
      return null;
    }
  }

  /** A position in the paths: the literals and the parameter that may follow, the route here. */
  private static final class Node {
    private final Map<String, Child> literals = new LinkedHashMap<>();
    private final Map<String, Child> spelled = new LinkedHashMap<>();
    private @Nullable Parameter parameter;
    private @Nullable RouteTemplate template;

    void add(List<Segment> segments, int index, RouteTemplate route) {
      if (index == segments.size()) {
        template = route;
        return;
      }
      Segment segment = segments.get(index);
      if (segment.parameter()) {
        Parameter existing = parameter;
        if (existing == null) {
          existing = new Parameter(segment.name(), segment.choices());
          parameter = existing;
        } else if (!existing.name.equals(segment.name())
            || !Objects.equals(existing.choices, segment.choices())) {
          throw new IllegalArgumentException(
              "%s: {%s} where another route has {%s}"
                  .formatted(route.path(), segment.name(), existing.name));
        }
        existing.next.add(segments, index + 1, route);
        return;
      }
      boolean operation = index == segments.size() - 1 && route.boundOperation().isPresent();
      String key = segment.name().toLowerCase(Locale.ROOT);
      Child child = literals.get(key);
      if (child == null) {
        child = new Child(segment.name(), new Node(), operation);
      } else if (operation && !child.operation()) {
        child = new Child(child.name(), child.node(), true);
      }
      literals.put(key, child);
      spelled.put(child.name(), child);
      child.node().add(segments, index + 1, route);
    }

    @Nullable Child literal(String segment) {
      Child exact = spelled.get(segment);
      if (exact != null) {
        return exact;
      }
      String key = segment.toLowerCase(Locale.ROOT);
      Child child = literals.get(key);
      if (child == null && key.startsWith(OPERATION_NAMESPACE)) {
        // Graph also accepts bound actions and functions qualified with their namespace.
        Child qualified = literals.get(key.substring(OPERATION_NAMESPACE.length()));
        return qualified != null && qualified.operation() ? qualified : null;
      }
      return child;
    }
  }
}
