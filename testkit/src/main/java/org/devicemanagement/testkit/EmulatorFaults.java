package org.devicemanagement.testkit;

import java.util.Objects;

/** The faults set on the emulator (through its control API); cleared between tests. */
public final class EmulatorFaults {

  private final ControlClient control;

  EmulatorFaults(ControlClient control) {
    this.control = Objects.requireNonNull(control, "control");
  }

  /**
   * Sets {@code fault}; matching Graph requests get its answer before their action runs.
   *
   * @return the fault's id, for {@link #remove}
   * @throws IllegalStateException with the control API's message if the fault is malformed
   */
  public String add(FaultSpec fault) {
    return control.post("faults", fault.toJson(), 201).path("id").asText();
  }

  /** Removes the fault {@code id}. */
  public void remove(String id) {
    control.delete("faults/" + id);
  }

  /** Removes every fault. */
  public void clear() {
    control.delete("faults");
  }

  /** How many faults are set. */
  public int count() {
    return control.get("faults").path("value").size();
  }
}
