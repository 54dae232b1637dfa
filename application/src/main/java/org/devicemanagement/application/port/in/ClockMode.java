package org.devicemanagement.application.port.in;

import java.util.Locale;

/** Which clock the emulator runs on. */
public enum ClockMode {
  /** Real time; cannot be advanced. */
  SYSTEM,
  /** A clock that moves only when advanced. */
  VIRTUAL;

  /** The mode's name as the control API writes it: {@code system} or {@code virtual}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
