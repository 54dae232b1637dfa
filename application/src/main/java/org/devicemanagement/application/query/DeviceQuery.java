package org.devicemanagement.application.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device listing asks for beyond paging: which devices ({@code $filter}), in which order
 * ({@code $orderby}; by id when empty, and by id among equal keys), and whether to count them all
 * ({@code $count=true}).
 */
public record DeviceQuery(Optional<DeviceFilter> filter, List<DeviceOrder> orderBy, boolean count) {

  /** Every device, ordered by id, not counted. */
  public static final DeviceQuery ALL = new DeviceQuery(Optional.empty(), List.of(), false);

  /** Copies the order and checks that no property is ordered by twice. */
  public DeviceQuery {
    Objects.requireNonNull(filter, "filter");
    orderBy = List.copyOf(orderBy);
    if (orderBy.stream().map(DeviceOrder::property).distinct().count() != orderBy.size()) {
      throw new IllegalArgumentException("a property is ordered by more than once: " + orderBy);
    }
  }

  /** This query narrowed to devices that also match {@code more}. */
  public DeviceQuery and(DeviceFilter more) {
    Objects.requireNonNull(more, "more");
    return new DeviceQuery(
        Optional.of(filter.map(f -> DeviceFilter.and(more, f)).orElse(more)), orderBy, count);
  }
}
