package org.devicemanagement.bootstrap.composition;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreException;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.clock.VirtualClock;
import org.devicemanagement.bootstrap.config.Backend;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.config.TenantSource;

/**
 * The emulator's living state at start: the tenant it serves and its clock, from memory or from a
 * durable store, which keeps the virtual clock's instant each time it moves.
 *
 * @param tenant the served tenant (and the store holding it, if any)
 * @param clock the emulator's clock
 * @param clockDescription how the clock stands, for the banner
 */
record EmulatorState(ServedTenant tenant, Clock clock, String clockDescription) {

  /** Where the virtual clock started (where a reset takes it back), ISO-8601. */
  static final String CLOCK_START = "clock.virtualStart";

  /** Where the virtual clock stands, ISO-8601; written each time it moves. */
  static final String CLOCK_NOW = "clock.virtualNow";

  /**
   * Opens the state {@code store} says for {@code emulator}, with {@code loaded} the tenant its
   * source gave (seeded only into a store that holds none, or when told to replace it).
   *
   * @throws StoreException if the store cannot be opened
   * @throws StoreSeedingException if a tenant was given for a store that holds one already
   */
  static EmulatorState open(StoreChoice store, Backend.Emulator emulator, InMemoryTenant loaded) {
    if (!(store instanceof StoreChoice.Durable durable)) {
      Clock clock = emulator.clock().create();
      loaded.planCheckIns(clock.instant().truncatedTo(ChronoUnit.MICROS));
      return new EmulatorState(
          ServedTenant.inMemory(loaded, emulator.tenant().description()),
          clock,
          emulator.clock().description());
    }
    JdbcStore opened = JdbcStore.open(durable.settings());
    try {
      return resume(opened, durable, emulator, loaded);
    } catch (RuntimeException | Error e) {
      opened.close();
      throw e;
    }
  }

  private static EmulatorState resume(
      JdbcStore store,
      StoreChoice.Durable durable,
      Backend.Emulator emulator,
      InMemoryTenant loaded) {
    boolean given = !(emulator.tenant() instanceof TenantSource.Demo);
    if (store.holdsTenant() && given && !durable.replaceTenant()) {
      throw alreadyHolds(store, emulator);
    }
    Clock clock;
    String clockDescription;
    if (emulator.clock() instanceof ClockSetting.Virtual virtual) {
      Optional<Instant> savedStart =
          virtual.resumes() ? saved(store, CLOCK_START) : Optional.empty();
      Optional<Instant> savedNow = virtual.resumes() ? saved(store, CLOCK_NOW) : Optional.empty();
      if (savedStart.isPresent() && savedNow.isPresent()) {
        clock = new VirtualClock(savedStart.get(), savedNow.get(), moved -> save(store, moved));
        clockDescription =
            "virtual, resumed from the store at %s until advanced (POST /_emulator/clock/advance;"
                    .formatted(savedNow.get())
                + " a reset goes back to %s)".formatted(savedStart.get());
      } else {
        store.putValue(CLOCK_START, virtual.start().toString());
        store.putValue(CLOCK_NOW, virtual.start().toString());
        clock = new VirtualClock(virtual.start(), virtual.start(), moved -> save(store, moved));
        clockDescription = virtual.description() + "; kept in the store";
      }
    } else {
      clock = emulator.clock().create();
      clockDescription = emulator.clock().description();
    }
    String description;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // Seeding plans the check-ins; a tenant the store kept keeps its saved schedule.
    if (given && store.holdsTenant()) {
      store.seed(loaded.tenantContents(), now);
      description = emulator.tenant().description() + ", replacing the store's tenant";
    } else if (store.seedIfEmpty(loaded.tenantContents(), now)) {
      description = emulator.tenant().description() + ", seeded into the empty store";
    } else if (given && !durable.replaceTenant()) {
      // Another instance seeded the store between the check above and this one.
      throw alreadyHolds(store, emulator);
    } else if (given) {
      store.seed(loaded.tenantContents(), now);
      description = emulator.tenant().description() + ", replacing the store's tenant";
    } else {
      description =
          "the tenant kept in the store (seeded %s)"
              .formatted(store.value(JdbcStore.SEEDED_AT).orElse("earlier"));
    }
    return new EmulatorState(ServedTenant.stored(store, description), clock, clockDescription);
  }

  private static StoreSeedingException alreadyHolds(JdbcStore store, Backend.Emulator emulator) {
    return new StoreSeedingException(
        ("the store %s already holds a tenant (seeded %s); start without --tenant to serve it,"
                + " or add --replace-tenant to replace it (and its audit trail) with %s")
            .formatted(
                store.describe(),
                store.value(JdbcStore.SEEDED_AT).orElse("earlier"),
                emulator.tenant().description()));
  }

  private static void save(JdbcStore store, Instant now) {
    store.putValue(CLOCK_NOW, now.toString());
  }

  private static Optional<Instant> saved(JdbcStore store, String name) {
    Optional<String> value = store.value(name);
    try {
      return value.map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new StoreException(
          "the store %s holds '%s' as %s, which is not an instant"
              .formatted(store.describe(), value.orElse(""), name),
          e);
    }
  }
}
