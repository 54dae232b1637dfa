package org.devicemanagement.adapters.rest.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The faults set through the control API, in the order they were set: the first that matches a
 * request and fires answers it. Reading them costs nothing while there are none.
 */
public final class Faults {

  private final List<Fault> faults = new CopyOnWriteArrayList<>();

  /** Adds {@code fault} after the others. */
  void add(Fault fault) {
    faults.add(Objects.requireNonNull(fault, "fault"));
  }

  /** Every fault, in the order they were set. */
  List<Fault> list() {
    return List.copyOf(faults);
  }

  /** Removes the fault {@code id}; false if there is none. */
  boolean remove(String id) {
    return faults.removeIf(fault -> fault.id().equals(id));
  }

  /** Removes every fault. */
  public void clear() {
    faults.clear();
  }

  /** Whether no fault is set. */
  boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * The fault that answers a request with {@code method} to {@code rawPath} (relative to the API's
   * base, in Graph's spelling), having taken one of its times; a fault whose times run out is
   * removed.
   */
  Optional<Fault> answering(String method, String rawPath) {
    if (faults.isEmpty()) {
      return Optional.empty();
    }
    List<String> segments = PathGlob.segmentsOf(rawPath);
    @Nullable Fault answering = null;
    // The list's iterator walks a snapshot: faults set or removed meanwhile do not disturb it.
    for (Fault fault : faults) {
      if (fault.matches(method, segments) && fault.fire()) {
        answering = fault;
        break;
      }
    }
    if (answering != null && answering.exhausted()) {
      faults.remove(answering);
    }
    return Optional.ofNullable(answering);
  }
}
