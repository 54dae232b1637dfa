package org.devicemanagement.adapters.rest.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.glassfish.jersey.uri.UriComponent;

/**
 * A path pattern of a fault, such as {@code /v1.0/users/*}{@code /removeAllDevicesFromManagement}:
 * {@code *} stands for exactly one segment, {@code **} for any number (none included), and every
 * other segment matches ignoring case, as routing does. Request paths are matched in Graph's
 * spelling, so {@code users('x')} is {@code users/x} and a namespace-qualified action its plain
 * name.
 */
public final class PathGlob {

  /** The longest pattern accepted. */
  static final int MAX_LENGTH = 2_048;

  private static final String ONE = "*";
  private static final String ANY = "**";

  private final String pattern;
  private final List<String> segments;

  private PathGlob(String pattern, List<String> segments) {
    this.pattern = pattern;
    this.segments = segments;
  }

  /**
   * The glob {@code pattern} writes.
   *
   * @throws InvalidRequestException (400) if it is empty, too long, has an empty segment, or puts
   *     {@code *} inside a segment
   */
  public static PathGlob parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isBlank() || pattern.length() > MAX_LENGTH) {
      throw new InvalidRequestException(
          "match.path must be a path of 1 to %d characters.".formatted(MAX_LENGTH));
    }
    String trimmed = pattern.strip();
    int start = trimmed.startsWith("/") ? 1 : 0;
    int end =
        trimmed.endsWith("/") && trimmed.length() > start ? trimmed.length() - 1 : trimmed.length();
    List<String> segments = new ArrayList<>();
    for (String segment : trimmed.substring(start, Math.max(start, end)).split("/", -1)) {
      if (segment.isEmpty()) {
        throw new InvalidRequestException("match.path must not have an empty segment.");
      }
      if (segment.contains(ONE) && !segment.equals(ONE) && !segment.equals(ANY)) {
        throw new InvalidRequestException("In match.path, * and ** stand for whole segments only.");
      }
      segments.add(decode(segment));
    }
    return new PathGlob(trimmed, List.copyOf(segments));
  }

  /** The pattern as it was written. */
  String pattern() {
    return pattern;
  }

  /** Whether the decoded segments of a request path match. */
  boolean matches(List<String> path) {
    return matches(0, path, 0);
  }

  /** Whether the path {@code rawPath} (percent-encoded, as a request sent it) matches. */
  public boolean matches(String rawPath) {
    return matches(segmentsOf(rawPath));
  }

  private boolean matches(int at, List<String> path, int from) {
    if (at == segments.size()) {
      return from == path.size();
    }
    String segment = segments.get(at);
    if (segment.equals(ANY)) {
      for (int next = from; next <= path.size(); next++) {
        if (matches(at + 1, path, next)) {
          return true;
        }
      }
      return false;
    }
    if (from == path.size()) {
      return false;
    }
    boolean here = segment.equals(ONE) || segment.equalsIgnoreCase(path.get(from));
    return here && matches(at + 1, path, from + 1);
  }

  /** The decoded segments of {@code rawPath}, a path relative to the API's base. */
  static List<String> segmentsOf(String rawPath) {
    List<String> segments = new ArrayList<>();
    int start = rawPath.startsWith("/") ? 1 : 0;
    for (String segment : rawPath.substring(start).split("/", -1)) {
      segments.add(decode(segment));
    }
    return segments;
  }

  private static String decode(String segment) {
    try {
      return UriComponent.decode(segment, UriComponent.Type.PATH_SEGMENT);
    } catch (IllegalArgumentException malformed) {
      return segment;
    }
  }
}
