package org.devicemanagement.bootstrap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * The emulator's control API ({@code /_emulator/}): whether it is on, and how many requests its
 * journal keeps.
 *
 * @param enabled on or off as chosen; empty to decide by the host (on only on a loopback address)
 * @param journalSize how many requests the journal keeps, newest first; 0 keeps none
 */
public record ControlSettings(Optional<Boolean> enabled, int journalSize) {

  /** How many requests the journal keeps unless told otherwise. */
  public static final int DEFAULT_JOURNAL_SIZE = 10_000;

  /** The largest journal: a ring of references, about 8 bytes each while empty. */
  public static final int MAX_JOURNAL_SIZE = 1_000_000;

  /** Checks the journal size is between 0 and {@link #MAX_JOURNAL_SIZE}. */
  public ControlSettings {
    Objects.requireNonNull(enabled, "enabled");
    if (journalSize < 0 || journalSize > MAX_JOURNAL_SIZE) {
      throw new IllegalArgumentException(
          "the journal size %d is not between 0 and %d".formatted(journalSize, MAX_JOURNAL_SIZE));
    }
  }

  /** On when listening on a loopback address, with a journal of the default size. */
  public static ControlSettings defaults() {
    return new ControlSettings(Optional.empty(), DEFAULT_JOURNAL_SIZE);
  }

  /** These settings with the control API on or off whatever the host. */
  public ControlSettings withEnabled(boolean on) {
    return new ControlSettings(Optional.of(on), journalSize);
  }

  /** These settings with a journal of {@code size} requests. */
  public ControlSettings withJournalSize(int size) {
    return new ControlSettings(enabled, size);
  }

  /**
   * Whether the control API is on for a server listening on {@code host}: as chosen, else only when
   * {@code host} is a loopback address (a name is resolved; one that does not resolve is not).
   */
  public boolean enabledOn(String host) {
    return enabled.orElseGet(() -> isLoopback(host));
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
