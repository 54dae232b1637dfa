package org.devicemanagement.adapters.rest.representation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import org.devicemanagement.domain.User;

/**
 * Graph's {@code user} on the wire as this API serves it: the three properties this product knows
 * (Graph's default would add more), with {@code @odata.context}.
 */
@JsonPropertyOrder({"@odata.context", "id", "userPrincipalName", "displayName"})
public record UserJson(
    @JsonProperty("@odata.context") String odataContext,
    @JsonProperty("id") String id,
    @JsonProperty("userPrincipalName") String userPrincipalName,
    @JsonProperty("displayName") String displayName) {

  /** Checks that every property is present. */
  public UserJson {
    Objects.requireNonNull(odataContext, "odataContext");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** {@code user} as the whole body of a response whose context is {@code odataContext}. */
  public static UserJson of(User user, String odataContext) {
    return new UserJson(odataContext, user.id(), user.userPrincipalName(), user.displayName());
  }
}
