package org.devicemanagement.application.query;

import java.util.Objects;
import org.devicemanagement.application.failure.InvalidRequestException;

/**
 * Reads and writes {@link DeviceFilter}s in Graph's {@code $filter} text.
 *
 * <p>PLACEHOLDER: the grammar is being written; until then every filter is refused.
 */
public final class DeviceFilterSyntax {

  private DeviceFilterSyntax() {}

  /**
   * The filter {@code text} spells.
   *
   * @throws InvalidRequestException naming what is wrong when the text is not a filter this product
   *     supports
   */
  public static DeviceFilter parse(String text) {
    Objects.requireNonNull(text, "text");
    throw new InvalidRequestException("$filter is not supported yet.");
  }

  /** {@code filter} as {@code $filter} text that {@link #parse} reads back to an equal filter. */
  public static String print(DeviceFilter filter) {
    Objects.requireNonNull(filter, "filter");
    throw new UnsupportedOperationException("not yet");
  }
}
