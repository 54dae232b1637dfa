package org.devicemanagement.adapters.rest.control;

import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The emulator's control API, under {@code /_emulator/}, as one application holds it: on or off,
 * and when on, the state behind it. Off, none of its routes exist, so its paths answer as any
 * unknown path does.
 */
public final class ControlApi {

  private static final ControlApi OFF = new ControlApi(false);

  private final boolean enabled;

  private ControlApi(boolean enabled) {
    this.enabled = enabled;
  }

  /** No control API: the gateway, or an emulator started with it off. */
  public static ControlApi off() {
    return OFF;
  }

  /** The control API on. */
  public static ControlApi on() {
    return new ControlApi(true);
  }

  /** Whether the control API is served. */
  public boolean enabled() {
    return enabled;
  }

  /** The resource classes of the control API; none when it is off. */
  public List<Class<?>> resourceClasses() {
    return List.of();
  }

  /** Registers what serves the control API besides its resources (nothing when it is off). */
  public void register(ResourceConfig config) {
    if (!enabled) {
      return;
    }
  }
}
