package org.devicemanagement.application.offboarding;

/** Hears how a run or preview goes, and may ask it to stop at the next safe point. */
public interface OffboardingListener {

  /** A listener that hears nothing and never asks to stop. */
  OffboardingListener NONE = new OffboardingListener() {};

  /** Called after each batch, and before each wait. */
  default void progress(OffboardingProgress progress) {}

  /**
   * Whether the run should stop: asked between batches and while waiting; the users of a batch sent
   * are recorded before it stops.
   */
  default boolean stopRequested() {
    return false;
  }
}
