package org.devicemanagement.application.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.failure.DailyRetireLimitExceededException;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.RetireAllRule;
import org.devicemanagement.domain.User;

/**
 * A tenant's daily limit on retired devices (Intune's is 1,000), counted per UTC day of the
 * retire's instant from the tenant's audit trail ({@link AuditTrail#devicesRetiredBetween}), so the
 * count survives a restart wherever the trail does and starts again when the trail is cleared (a
 * reset tenant): a retire-all that would pass it retires nothing. Thread-safe; retire-alls guarded
 * by one instance run one at a time.
 */
public final class DailyRetireLimit {

  /** Intune's daily tenant limit on retired devices (the UI, bulk actions and Graph together). */
  public static final int INTUNE_RETIRES_PER_DAY = 1_000;

  private final int perDay;
  private final Object lock = new Object();

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
   * DailyRetireLimitExceededException} (changing nothing) when that number and the devices {@code
   * trail} says were retired on the UTC day of the retire would pass the limit, and otherwise
   * retires (which records the retire-all in the trail, so the next one counts it).
   */
  public DeviceRetirement guard(
      DeviceRetirement devices, UserDeviceListing listing, AuditTrail trail) {
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(trail, "trail");
    return (user, at, audit) -> retire(user, at, audit, devices, listing, trail);
  }

  /** How many devices {@code trail} says were retired on the UTC day of {@code at}. */
  public static int retiredOnDayOf(AuditTrail trail, Instant at) {
    LocalDate day = dayOf(at);
    return trail.devicesRetiredBetween(startOf(day), startOf(day.plusDays(1)));
  }

  private RetireAllOutcome retire(
      User user,
      Instant at,
      RetireAllAudit audit,
      DeviceRetirement devices,
      UserDeviceListing listing,
      AuditTrail trail) {
    LocalDate today = dayOf(at);
    // One retire-all at a time: the count, the check and the retire are one step, so two
    // concurrent retire-alls of this process can never pass the limit together.
    synchronized (lock) {
      int changeable =
          RetireAllRule.applyTo(user.id(), listing.listByUser(user), at).changedCount();
      if (changeable == 0) {
        return devices.retireAll(user, at, audit);
      }
      int retired = trail.devicesRetiredBetween(startOf(today), startOf(today.plusDays(1)));
      if (retired + changeable > perDay) {
        throw new DailyRetireLimitExceededException(
            perDay, retired, changeable, startOf(today.plusDays(1)));
      }
      return devices.retireAll(user, at, audit);
    }
  }

  private static LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(Objects.requireNonNull(at, "at"), ZoneOffset.UTC);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
