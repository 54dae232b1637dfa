package org.devicemanagement.adapters.rest.routing;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether an {@code Accept} header admits JSON, the only format this API writes: the most specific
 * media range matching {@code application/json} decides, and {@code q=0} excludes (RFC 9110).
 */
public final class AcceptHeader {

  private static final int NO_MATCH = -1;

  private AcceptHeader() {}

  /** Whether {@code accept} (absent meaning anything) admits {@code application/json}. */
  public static boolean admitsJson(@Nullable String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    int bestSpecificity = NO_MATCH;
    double bestQuality = 0;
    boolean anyParsed = false;
    for (String range : accept.split(",", -1)) {
      String[] parts = range.split(";", -1);
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      anyParsed = true;
      int specificity = specificity(type);
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        bestQuality = quality(parts);
      }
    }
    // An unreadable header is left to the framework rather than refused here.
    return !anyParsed || (bestSpecificity != NO_MATCH && bestQuality > 0);
  }

  private static int specificity(String type) {
    return switch (type) {
      case "application/json" -> 2;
      case "application/*" -> 1;
      case "*/*", "*" -> 0;
      default -> NO_MATCH;
    };
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).strip());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
