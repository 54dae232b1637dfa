package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Locale;
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

  private static final Set<String> UNSUPPORTED =
      Set.of("$select", "$expand", "$count", "$skip", "$search", "$format", "$apply");

  /** Reads the options from decoded query parameters. */
  static AuditListingOptions from(MultivaluedMap<String, String> query) {
    for (String name : query.keySet()) {
      if (UNSUPPORTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new InvalidRequestException(
            "The query option '%s' is not supported on audit events; use $filter, $orderby, $top and $skiptoken."
                .formatted(ListingOptions.shown(name)));
      }
    }
    Optional<String> top = ListingOptions.single(query, "$top", "Top");
    Optional<String> skipToken = ListingOptions.single(query, "$skiptoken", "SkipToken");
    Optional<AuditFilter> filter =
        ListingOptions.single(query, "$filter", "Filter").map(AuditFilterSyntax::parse);
    boolean newestFirst =
        ListingOptions.single(query, "$orderby", "OrderBy")
            .map(AuditListingOptions::newestFirst)
            .orElse(true);
    return new AuditListingOptions(
        top.map(value -> ListingOptions.parseTop(value, ListAuditEventsQuery.MAX_PAGE_SIZE))
            .orElse(ListAuditEventsQuery.DEFAULT_PAGE_SIZE),
        skipToken,
        new AuditQuery(filter, newestFirst));
  }

  private static boolean newestFirst(String value) {
    String[] words = value.trim().split(" +", -1);
    if (words.length == 0 || words.length > 2 || !words[0].equalsIgnoreCase("activityDateTime")) {
      throw new InvalidRequestException(
          "Ordering by '%s' is not supported; audit events can be ordered by activityDateTime asc or desc."
              .formatted(ListingOptions.shown(value)));
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
                  .formatted(ListingOptions.shown(value), ListingOptions.shown(words[1])));
    };
  }
}
