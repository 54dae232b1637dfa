package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;

/**
 * The {@code $top} and {@code $skiptoken} query options of a list request, validated as Graph does.
 */
record PagingOptions(int top, Optional<String> skipToken) {

  private static final int MAX_SHOWN_VALUE_LENGTH = 50;

  /** Reads the options from decoded query parameters; option names compare ignoring case. */
  static PagingOptions from(MultivaluedMap<String, String> query) {
    Optional<String> top = single(query, "$top", "Top");
    Optional<String> skipToken = single(query, "$skiptoken", "SkipToken");
    return new PagingOptions(
        top.map(PagingOptions::parseTop).orElse(ListManagedDevicesQuery.MAX_PAGE_SIZE), skipToken);
  }

  private static int parseTop(String value) {
    int top;
    try {
      top = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalidTop(value);
    }
    if (top > ListManagedDevicesQuery.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "The limit of '%d' for Top query has been exceeded. The value from the incoming request is '%d'."
              .formatted(ListManagedDevicesQuery.MAX_PAGE_SIZE, top));
    }
    if (top < 1) {
      throw invalidTop(value);
    }
    return top;
  }

  private static InvalidRequestException invalidTop(String value) {
    String shown =
        value.length() <= MAX_SHOWN_VALUE_LENGTH
            ? value
            : value.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
    return new InvalidRequestException(
        "Invalid value '%s' for $top query option found. The $top query option requires an integer between 1 and %d."
            .formatted(shown, ListManagedDevicesQuery.MAX_PAGE_SIZE));
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
