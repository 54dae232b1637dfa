package org.devicemanagement.application.query;

import java.util.Objects;

/** One key of {@code $orderby}: a property and a direction. */
public record DeviceOrder(DeviceProperty property, boolean descending) {

  /** Checks that the property can be sorted by. */
  public DeviceOrder {
    Objects.requireNonNull(property, "property");
    if (!property.orderable()) {
      throw new IllegalArgumentException(
          "devices cannot be ordered by %s".formatted(property.graphName()));
    }
  }

  /** The key as {@code $orderby} writes it, for example {@code deviceName desc}. */
  public String toOData() {
    return property.graphName() + (descending ? " desc" : " asc");
  }
}
