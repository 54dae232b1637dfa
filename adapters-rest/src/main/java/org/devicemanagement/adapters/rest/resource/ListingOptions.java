package org.devicemanagement.adapters.rest.resource;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.devicemanagement.adapters.rest.representation.ManagedDeviceJson;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DeviceFilterSyntax;
import org.devicemanagement.application.query.DeviceOrder;
import org.devicemanagement.application.query.DeviceProperty;
import org.devicemanagement.application.query.DeviceQuery;

/**
 * The query options of a device listing ({@code $top}, {@code $skiptoken}, {@code $filter}, {@code
 * $orderby}, {@code $count}, {@code $select}), validated as Graph does; option names compare
 * ignoring case, and each may be given once.
 */
record ListingOptions(
    int top, Optional<String> skipToken, DeviceQuery query, Optional<List<String>> select) {

  private static final int MAX_SHOWN_VALUE_LENGTH = 50;
  private static final String ENTITY_TYPE = "microsoft.graph.managedDevice";

  /** Reads the options from decoded query parameters. */
  static ListingOptions from(MultivaluedMap<String, String> query) {
    Optional<String> top = single(query, "$top", "Top");
    Optional<String> skipToken = single(query, "$skiptoken", "SkipToken");
    Optional<DeviceFilter> filter =
        single(query, "$filter", "Filter").map(DeviceFilterSyntax::parse);
    List<DeviceOrder> orderBy =
        single(query, "$orderby", "OrderBy").map(ListingOptions::parseOrderBy).orElse(List.of());
    boolean count = single(query, "$count", "Count").map(ListingOptions::parseCount).orElse(false);
    Optional<List<String>> select =
        single(query, "$select", "Select").map(ListingOptions::parseSelect);
    return new ListingOptions(
        top.map(value -> parseTop(value, ListManagedDevicesQuery.MAX_PAGE_SIZE))
            .orElse(ListManagedDevicesQuery.MAX_PAGE_SIZE),
        skipToken,
        new DeviceQuery(filter, orderBy, count),
        select);
  }

  /** {@code $top}'s value {@code value} as a page size of 1 to {@code max}, or Graph's 400. */
  static int parseTop(String value, int max) {
    int top;
    try {
      top = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalidTop(value, max);
    }
    if (top > max) {
      throw new InvalidRequestException(
          "The limit of '%d' for Top query has been exceeded. The value from the incoming request is '%d'."
              .formatted(max, top));
    }
    if (top < 1) {
      throw invalidTop(value, max);
    }
    return top;
  }

  private static InvalidRequestException invalidTop(String value, int max) {
    return new InvalidRequestException(
        "Invalid value '%s' for $top query option found. The $top query option requires an integer between 1 and %d."
            .formatted(shown(value), max));
  }

  private static boolean parseCount(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidRequestException(
              "Invalid value '%s' for $count query option found. Valid values are 'true' and 'false'."
                  .formatted(shown(value)));
    };
  }

  private static List<DeviceOrder> parseOrderBy(String value) {
    List<DeviceOrder> keys = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String[] words = item.trim().split(" +", -1);
      if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
        throw new InvalidRequestException(
            "Syntax error in $orderby '%s': each key is a property name, optionally followed by asc or desc."
                .formatted(shown(value)));
      }
      boolean descending = false;
      if (words.length == 2) {
        switch (words[1].toLowerCase(Locale.ROOT)) {
          case "asc" -> descending = false;
          case "desc" -> descending = true;
          default ->
              throw new InvalidRequestException(
                  "Syntax error in $orderby '%s': '%s' is not asc or desc."
                      .formatted(shown(value), shown(words[1])));
        }
      }
      DeviceProperty property = property(words[0]);
      if (!property.orderable()) {
        throw new InvalidRequestException(
            "Ordering by '%s' is not supported; managed devices can be ordered by deviceName and lastSyncDateTime."
                .formatted(property.graphName()));
      }
      if (keys.stream().anyMatch(key -> key.property() == property)) {
        throw new InvalidRequestException(
            "Duplicate property named '%s' is not supported in $orderby."
                .formatted(property.graphName()));
      }
      keys.add(new DeviceOrder(property, descending));
    }
    return keys;
  }

  private static DeviceProperty property(String name) {
    return DeviceProperty.find(name)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    ManagedDeviceJson.findProperty(name).isPresent()
                        ? "Ordering by '%s' is not supported; managed devices can be ordered by deviceName and lastSyncDateTime."
                            .formatted(ManagedDeviceJson.findProperty(name).get())
                        : unknownProperty(name)));
  }

  private static List<String> parseSelect(String value) {
    List<String> names = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String name = item.trim();
      if (name.equals("*")) {
        return ManagedDeviceJson.PROPERTY_NAMES;
      }
      String known =
          ManagedDeviceJson.findProperty(name)
              .orElseThrow(() -> new InvalidRequestException(unknownProperty(name)));
      if (!names.contains(known)) {
        names.add(known);
      }
    }
    return List.copyOf(names);
  }

  private static String unknownProperty(String name) {
    return "Could not find a property named '%s' on type '%s'.".formatted(shown(name), ENTITY_TYPE);
  }

  /** {@code value} as an error message shows it: cut after 50 characters. */
  static String shown(String value) {
    return value.length() <= MAX_SHOWN_VALUE_LENGTH
        ? value
        : value.substring(0, MAX_SHOWN_VALUE_LENGTH) + "...";
  }

  /**
   * The one value of the query option {@code name} (compared ignoring case), if given.
   *
   * @throws InvalidRequestException naming {@code optionName} when it is given more than once
   */
  static Optional<String> single(
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
