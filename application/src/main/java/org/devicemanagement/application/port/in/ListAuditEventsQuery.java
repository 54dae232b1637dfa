package org.devicemanagement.application.port.in;

import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.permission.Caller;

/**
 * The caller asks for up to {@code pageSize} of the tenant's audit events matching {@code query},
 * continuing after {@code skipToken} when it is present.
 */
public record ListAuditEventsQuery(
    Caller caller, AuditQuery query, int pageSize, Optional<String> skipToken) {

  /** The largest page this product serves. */
  public static final int MAX_PAGE_SIZE = 1000;

  /** The page size when none is asked for. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Checks that every part is present and the page size is in range. */
  public ListAuditEventsQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(skipToken, "skipToken");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "page size %d is outside 1..%d".formatted(pageSize, MAX_PAGE_SIZE));
    }
  }
}
