package org.devicemanagement.bootstrap.config;

import java.util.Objects;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;

/**
 * What answers the Graph API: the emulator's in-memory tenant, or Microsoft Graph itself behind the
 * gateway. The choice decides what is loaded at start: only the emulator loads a tenant and a
 * signing key.
 */
public sealed interface Backend permits Backend.Emulator, Backend.Gateway {

  /** The emulator serving {@code tenant}, checking tokens with its own signing key. */
  static Backend emulator(TenantSource tenant) {
    return new Emulator(tenant, ClockSetting.system(), ControlSettings.defaults());
  }

  /**
   * The emulator serving {@code tenant} on {@code clock}, its control API as {@code control} says.
   */
  static Backend emulator(TenantSource tenant, ClockSetting clock, ControlSettings control) {
    return new Emulator(tenant, clock, control);
  }

  /** The gateway in front of Microsoft Graph, reached as {@code gateway} says. */
  static Backend gateway(GatewaySettings gateway) {
    return new Gateway(gateway);
  }

  /** How the backend is described to a person. */
  String description();

  /**
   * The emulator: an in-memory tenant, tokens signed by this server's own key, its devices'
   * lifecycle on {@code clock}, and its control API (the gateway has none).
   */
  record Emulator(TenantSource tenant, ClockSetting clock, ControlSettings control)
      implements Backend {
    /** Checks every part is present. */
    public Emulator {
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(control, "control");
    }

    /** The emulator serving {@code tenant} on the system clock, with the default control API. */
    public Emulator(TenantSource tenant) {
      this(tenant, ClockSetting.system(), ControlSettings.defaults());
    }

    @Override
    public String description() {
      return tenant.description();
    }
  }

  /** The gateway: each caller's own token passed on to Microsoft Graph. */
  record Gateway(GatewaySettings gateway) implements Backend {
    /** Checks the gateway settings are present. */
    public Gateway {
      Objects.requireNonNull(gateway, "gateway");
    }

    @Override
    public String description() {
      return "Microsoft Graph at " + gateway.graph().baseUrl();
    }
  }
}
