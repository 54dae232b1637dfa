package org.devicemanagement.bootstrap.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.devicemanagement.adapters.graph.GraphSettings;

/**
 * How the gateway ({@code serve --backend graph}) reaches Microsoft Graph.
 *
 * @param graph the Graph adapter's settings: base URL, timeouts, retries and the deadline of each
 *     Graph call
 */
public record GatewaySettings(GraphSettings graph) {

  /** What every operator sees at start-up and in the log: who verifies tokens in this mode. */
  public static final String TRUST_WARNING =
      "WARNING: gateway mode: inbound token signatures are NOT verified here; Microsoft Graph"
          + " verifies them";

  /** Checks that the Graph settings are present. */
  public GatewaySettings {
    Objects.requireNonNull(graph, "graph");
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
}
