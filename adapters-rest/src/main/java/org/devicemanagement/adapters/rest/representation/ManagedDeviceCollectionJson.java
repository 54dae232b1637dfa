package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Graph collection of managed devices ({@link ManagedDeviceJson}s, or their selected
 * properties), with the count of the whole collection when asked for and the link to the next page
 * if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@odata.context", "@odata.count", "@odata.nextLink", "value"})
public record ManagedDeviceCollectionJson(
    @JsonProperty("@odata.context") String odataContext,
    @JsonProperty("@odata.count") @Nullable Long odataCount,
    @JsonProperty("@odata.nextLink") @Nullable String odataNextLink,
    @JsonProperty("value") List<?> value) {

  /** Checks the context and copies the page. */
  public ManagedDeviceCollectionJson {
    Objects.requireNonNull(odataContext, "odataContext");
    value = List.copyOf(value);
  }
}
