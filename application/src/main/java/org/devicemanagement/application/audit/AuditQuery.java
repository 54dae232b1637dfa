package org.devicemanagement.application.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What an audit listing asks for beyond paging: which events ({@code $filter}) and in which order
 * of {@code activityDateTime} ({@code $orderby}; newest first unless asked otherwise), events at
 * the same instant ordered by id the same way.
 */
public record AuditQuery(Optional<AuditFilter> filter, boolean newestFirst) {

  /** Every event, newest first. */
  public static final AuditQuery ALL = new AuditQuery(Optional.empty(), true);

  /** Checks that the filter is present or empty. */
  public AuditQuery {
    Objects.requireNonNull(filter, "filter");
  }
}
