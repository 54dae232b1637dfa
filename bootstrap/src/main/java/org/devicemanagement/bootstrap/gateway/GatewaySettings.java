package org.devicemanagement.bootstrap.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.graph.GraphTenant;

/**
 * How the gateway ({@code serve --backend graph}) reaches Microsoft Graph.
 *
 * @param graph the Graph adapter's settings: base URL, timeouts, retries and the deadline of each
 *     Graph call
 * @param tenantCustomizer adjusts the Graph tenant before it is built (tests replace its sleeper
 *     and clock; a deployment may give it a proxy's HTTP client); the identity by default
 */
public record GatewaySettings(
    GraphSettings graph, UnaryOperator<GraphTenant.Builder> tenantCustomizer) {

  /** What every operator sees at start-up and in the log: who verifies tokens in this mode. */
  public static final String TRUST_WARNING =
      "WARNING: gateway mode: inbound token signatures are NOT verified here; Microsoft Graph"
          + " verifies them";

  /** Checks that both parts are present. */
  public GatewaySettings {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(tenantCustomizer, "tenantCustomizer");
  }

  /** Graph reached with {@code graph}, the tenant built as is. */
  public GatewaySettings(GraphSettings graph) {
    this(graph, UnaryOperator.identity());
  }

  /**
   * The gateway's defaults against {@code baseUrl}: the adapter's defaults with shorter waits, as a
   * caller is waiting on the other side (connect 5 s, each response 20 s, each Graph call 30 s with
   * its retries).
   */
  public static GatewaySettings defaults(URI baseUrl) {
    return new GatewaySettings(
        GraphSettings.defaults(baseUrl)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
            .withCallDeadline(Duration.ofSeconds(30)));
  }

  /** These settings with {@code customizer} adjusting the Graph tenant before it is built. */
  public GatewaySettings withTenantCustomizer(UnaryOperator<GraphTenant.Builder> customizer) {
    return new GatewaySettings(graph, customizer);
  }
}
