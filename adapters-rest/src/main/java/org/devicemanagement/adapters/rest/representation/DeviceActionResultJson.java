package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.devicemanagement.domain.DeviceActionResult;

/** Graph's {@code deviceActionResult} on the wire. */
@JsonPropertyOrder({"actionName", "actionState", "startDateTime", "lastUpdatedDateTime"})
public record DeviceActionResultJson(
    String actionName, String actionState, String startDateTime, String lastUpdatedDateTime) {

  /** The wire form of {@code result}. */
  public static DeviceActionResultJson of(DeviceActionResult result) {
    return new DeviceActionResultJson(
        result.actionName(),
        result.actionState().graphName(),
        JsonConventions.dateTime(result.startDateTime()),
        JsonConventions.dateTime(result.lastUpdatedDateTime()));
  }
}
