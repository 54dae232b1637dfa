package org.devicemanagement.application.port.in;

import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.query.DeviceQuery;

/**
 * The caller asks for up to {@code pageSize} devices matching {@code query}: those of {@code user}
 * when present, else the whole tenant's; continuing after {@code skipToken} when it is present.
 */
public record ListManagedDevicesQuery(
    Caller caller,
    Optional<UserReference> user,
    DeviceQuery query,
    int pageSize,
    Optional<String> skipToken) {

  /** The largest page this product serves, and the page size when none is asked for. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** Checks that every part is present and the page size is in range. */
  public ListManagedDevicesQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "page size %d is outside 1..%d".formatted(pageSize, MAX_PAGE_SIZE));
    }
  }

  /** The first page of {@code user}'s devices, every one of them, by id, up to the largest page. */
  public static ListManagedDevicesQuery firstPageOf(Caller caller, UserReference user) {
    return new ListManagedDevicesQuery(
        caller, Optional.of(user), DeviceQuery.ALL, MAX_PAGE_SIZE, Optional.empty());
  }
}
