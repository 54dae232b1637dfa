package org.devicemanagement.adapters.rest.control;

import java.time.Clock;
import java.util.List;
import org.devicemanagement.adapters.rest.conventions.ExchangeHooks;

/**
 * The emulator's control API, under {@code /_emulator/}, as one application holds it: on or off,
 * and when on, the state behind it (the journal of requests, the faults set, the counters the web
 * console polls) and the web console's page. Off, none of its routes exist, so its paths answer as
 * any unknown path does, and nothing is journaled.
 */
public final class ControlApi {

  private static final List<Class<?>> RESOURCE_CLASSES =
      List.of(
          RequestJournalResource.class,
          FaultsResource.class,
          EmulatorStateResource.class,
          ConsolePageResource.class,
          ConsoleDataResource.class);

  private static final ControlApi OFF = new ControlApi(false, new RequestJournal(0));

  private final boolean enabled;
  private final RequestJournal journal;
  private final Faults faults = new Faults();
  private final ControlChanges changes = new ControlChanges();
  private final ExchangeHooks hooks;

  private ControlApi(boolean enabled, RequestJournal journal) {
    this.enabled = enabled;
    this.journal = journal;
    this.hooks =
        enabled
            ? new ControlHooks(journal, faults, changes, Clock.systemUTC())
            : ExchangeHooks.NONE;
  }

  /** No control API: the gateway, or an emulator started with it off. */
  public static ControlApi off() {
    return OFF;
  }

  /** The control API on, its journal keeping the last {@code journalSize} requests (0: none). */
  public static ControlApi on(int journalSize) {
    return new ControlApi(true, new RequestJournal(journalSize));
  }

  /** Whether the control API is served. */
  public boolean enabled() {
    return enabled;
  }

  /** The journal of requests (keeping nothing when the control API is off). */
  public RequestJournal journal() {
    return journal;
  }

  /** The faults set (none ever when the control API is off). */
  public Faults faults() {
    return faults;
  }

  /** The counters the web console polls to learn that something changed. */
  public ControlChanges changes() {
    return changes;
  }

  /** The resource classes of the control API; none when it is off. */
  public List<Class<?>> resourceClasses() {
    return enabled ? RESOURCE_CLASSES : List.of();
  }

  /**
   * What the control API does on every exchange (journal, faults, change counters), for the filters
   * every request passes; nothing when it is off.
   */
  public ExchangeHooks hooks() {
    return hooks;
  }
}
