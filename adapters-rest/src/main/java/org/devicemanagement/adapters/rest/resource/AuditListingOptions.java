package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditFilterSyntax;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.ListAuditEventsQuery;

/**
 * The query options of an audit event listing ({@code $filter}, {@code $orderby} on {@code
 * activityDateTime}, {@code $top}, {@code $skiptoken}), validated as Graph does; option names
 * compare ignoring case, and each may be given once. The other system query options are refused.
 */
record AuditListingOptions(int top, Optional<String> skipToken, AuditQuery query) {

  private static final int MAX_SHOWN_VALUE_LENGTH = 50;
  private static final Set<String> UNSUPPORTED =
      Set.of("$select", "$expand", "$count", "$skip", "$search", "$format", "$apply");

  /** Reads the options from decoded query parameters. */
  static AuditListingOptions from(MultivaluedMap<String, String> query) {
    for (String name : query.keySet()) {
      if (UNSUPPORTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidRequestException(
            "The query option '%s' is not supported on audit events; use $filter, $orderby, $top and $skiptoken."
                .formatted(shown(name)));
      }
    }
    Optional<String> top = single(query, "$top", "Top");
    Optional<String> skipToken = single(query, "$skiptoken", "SkipToken");
    Optional<AuditFilter> filter = single(query, "$filter", "Filter").map(AuditFilterSyntax::parse);
    boolean newestFirst =
        single(query, "$orderby", "OrderBy").map(AuditListingOptions::newestFirst).orElse(true);
    return new AuditListingOptions(
        top.map(AuditListingOptions::parseTop).orElse(ListAuditEventsQuery.DEFAULT_PAGE_SIZE),
        skipToken,
        new AuditQuery(filter, newestFirst));
  }

  private static boolean newestFirst(String value) {
    String[] words = value.trim().split(" +", -1);
    if (words.length == 0 || words.length > 2 || !words[0].equalsIgnoreCase("activityDateTime")) {
      throw new InvalidRequestException(
          "Ordering by '%s' is not supported; audit events can be ordered by activityDateTime asc or desc."
              .formatted(shown(value)));
    }
    if (words.length == 1) {
      return false;
    }
    return switch (words[1].toLowerCase(Locale.ROOT)) {
      case "asc" -> false;
      case "desc" -> true;
      default ->
          throw new InvalidRequestException(
              "Syntax error in $orderby '%s': '%s' is not asc or desc."
                  .formatted(shown(value), shown(words[1])));
    };
  }

  private static int parseTop(String value) {
    int top;
    try {
      top = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalidTop(value);
    }
    if (top > ListAuditEventsQuery.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "The limit of '%d' for Top query has been exceeded. The value from the incoming request is '%d'."
              .formatted(ListAuditEventsQuery.MAX_PAGE_SIZE, top));
    }
    if (top < 1) {
      throw invalidTop(value);
    }
    return top;
  }

  private static InvalidRequestException invalidTop(String value) {
    return new InvalidRequestException(
        "Invalid value '%s' for $top query option found. The $top query option requires an integer between 1 and %d."
            .formatted(shown(value), ListAuditEventsQuery.MAX_PAGE_SIZE));
  }

  private static String shown(String value) {
    return value.length() <= MAX_SHOWN_VALUE_LENGTH
        ? value
        : value.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
  }

  private static Optional<String> single(
      MultivaluedMap<String, String> query, String name, String optionName) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        values.addAll(entry.getValue());
      }
    }
    if (values.size() > 1) {
      throw new InvalidRequestException(
          "Query option '%s' was specified more than once, but it can be specified at most once."
              .formatted(optionName));
    }
    return values.stream().findFirst();
  }
}
