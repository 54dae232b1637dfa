package org.devicemanagement.application.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.DailyRetireLimitExceededException;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A tenant's daily limit on retired devices (Intune's is 1,000), counted per UTC day of the
 * retire's instant: a retire-all that would pass it retires nothing. Thread-safe; one instance
 * counts for one tenant.
 */
public final class DailyRetireLimit {

  /** Intune's daily tenant limit on retired devices (the UI, bulk actions and Graph together). */
  public static final int INTUNE_RETIRES_PER_DAY = 1_000;

  private final int perDay;
  private final Object lock = new Object();
  // Both guarded by lock: the day counted, and the devices retired on it.
  private LocalDate day = LocalDate.MIN;
  private int retired;

  /** A limit of {@code perDay} retired devices a day. */
  public DailyRetireLimit(int perDay) {
    if (perDay < 0) {
      throw new IllegalArgumentException("perDay %d is negative".formatted(perDay));
    }
    this.perDay = perDay;
  }

  /** Intune's limit: {@value #INTUNE_RETIRES_PER_DAY} retired devices a day. */
  public static DailyRetireLimit intune() {
    return new DailyRetireLimit(INTUNE_RETIRES_PER_DAY);
  }

  /** The most devices the tenant may retire in one UTC day. */
  public int perDay() {
    return perDay;
  }

  /**
   * {@code devices} under this limit: each retire-all first counts the devices the retire-all rule
   * would change among those {@code listing} gives for the user, refuses with {@link
   * DailyRetireLimitExceededException} (changing nothing) when the day's count and that number
   * would pass the limit, and otherwise retires and counts the devices it changed.
   */
  public DeviceRetirement guard(DeviceRetirement devices, UserDeviceListing listing) {
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(listing, "listing");
    return (user, at, audit) -> retire(user, at, audit, devices, listing);
  }

  /** How many devices were retired on the UTC day of {@code at}. */
  public int retiredOnDayOf(Instant at) {
    LocalDate asked = dayOf(at);
    synchronized (lock) {
      return asked.equals(day) ? retired : 0;
    }
  }

  /** Forgets every count, as at start. */
  public void reset() {
    synchronized (lock) {
      day = LocalDate.MIN;
      retired = 0;
    }
  }

  private RetireAllOutcome retire(
      User user,
      Instant at,
      RetireAllAudit audit,
      DeviceRetirement devices,
      UserDeviceListing listing) {
    LocalDate today = dayOf(at);
    // One retire-all at a time: the count, the check and the retire are one step, so two
    // concurrent retire-alls can never pass the limit together.
    synchronized (lock) {
      if (!today.equals(day)) {
        // A new day; also a clock set back (a reset virtual clock) starts the count afresh.
        day = today;
        retired = 0;
      }
      int changeable =
          RetireAllRule.applyTo(user.id(), listing.listByUser(user), at).changedCount();
      if (changeable > 0 && retired + changeable > perDay) {
        throw new DailyRetireLimitExceededException(
            perDay,
            retired,
            changeable,
            today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      RetireAllOutcome outcome = devices.retireAll(user, at, audit);
      retired += outcome.changedCount();
      return outcome;
    }
  }

  private static LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(Objects.requireNonNull(at, "at"), ZoneOffset.UTC);
  }
}
