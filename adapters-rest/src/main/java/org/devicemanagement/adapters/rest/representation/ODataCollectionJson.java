package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a Graph collection (audit events, or the strings a function gives), with the link to
 * the next page if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"@odata.context", "@odata.nextLink", "value"})
public record ODataCollectionJson(
    @JsonProperty("@odata.context") String odataContext,
    @JsonProperty("@odata.nextLink") @Nullable String odataNextLink,
    @JsonProperty("value") List<?> value) {

  /** Checks the context and copies the page. */
  public ODataCollectionJson {
    Objects.requireNonNull(odataContext, "odataContext");
    value = List.copyOf(value);
  }
}
