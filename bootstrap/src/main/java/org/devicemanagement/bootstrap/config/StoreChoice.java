package org.devicemanagement.bootstrap.config;

import java.util.Objects;
import org.devicemanagement.adapters.jdbc.StoreSettings;

/**
 * Where the server keeps its state ({@code serve --store}): in memory, a fresh tenant at every
 * start, or in a durable store (SQLite or PostgreSQL) that keeps the tenant, the audit trail and
 * the emulator's clock across restarts and that several instances can share.
 */
public sealed interface StoreChoice permits StoreChoice.Memory, StoreChoice.Durable {

  /** In memory, the default. */
  static StoreChoice memory() {
    return new Memory();
  }

  /**
   * The durable store {@code settings} name; {@code replaceTenant} lets a given tenant replace the
   * one the store already holds.
   */
  static StoreChoice durable(StoreSettings settings, boolean replaceTenant) {
    return new Durable(settings, replaceTenant);
  }

  /** How the store is described to a person (never a password). */
  String description();

  /** In memory: nothing survives the process. */
  record Memory() implements StoreChoice {
    @Override
    public String description() {
      return "memory (a fresh tenant at every start; --store sqlite keeps it)";
    }
  }

  /**
   * A durable store.
   *
   * @param settings the database and how to reach it
   * @param replaceTenant whether a given tenant ({@code --tenant}) may replace the one it holds
   */
  record Durable(StoreSettings settings, boolean replaceTenant) implements StoreChoice {
    /** Checks the settings are present. */
    public Durable {
      Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String description() {
      return settings.describe();
    }
  }
}
