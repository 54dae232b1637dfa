package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Where the adapter may send tokens, and the defaults it starts from. */
class GraphSettingsTest {

  @Test
  void givenDefaults_whenRead_thenGlobalCloudThreeRetriesAndThreeMinuteCap() {
    GraphSettings settings = GraphSettings.defaults();

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://graph.microsoft.com/v1.0"));
    assertThat(settings.maxRetries()).isEqualTo(3);
    assertThat(settings.maxDelay()).isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.callDeadline()).isPositive();
    assertThat(settings.userAgent()).isEqualTo(GraphSettings.DEFAULT_USER_AGENT);
    assertThat(settings.maxConcurrentCalls()).isEqualTo(64);
  }

  @Test
  void givenNationalClouds_whenUsed_thenTheirGraphHosts() {
    assertThat(GraphSettings.defaults(GraphSettings.US_GOVERNMENT).baseUrl().getHost())
        .isEqualTo("graph.microsoft.us");
    assertThat(GraphSettings.US_GOVERNMENT_DOD.getHost()).isEqualTo("dod-graph.microsoft.us");
    assertThat(GraphSettings.CHINA.getHost()).isEqualTo("microsoftgraph.chinacloudapi.cn");
  }

  @Test
  void givenTrailingSlash_whenCreated_thenRemoved() {
    assertThat(GraphSettings.defaults(URI.create("https://graph.microsoft.com/beta/")).baseUrl())
        .isEqualTo(URI.create("https://graph.microsoft.com/beta"));
  }

  @Test
  void givenPlainHttpToARemoteHost_whenCreated_thenRefused() {
    assertThatThrownBy(() -> GraphSettings.defaults(URI.create("http://graph.microsoft.com/v1.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https");
  }

  @Test
  void givenPlainHttpToLoopback_whenCreated_thenAllowed() {
    assertThat(GraphSettings.defaults(URI.create("http://127.0.0.1:8080/v1.0")).baseUrl().getPort())
        .isEqualTo(8080);
    assertThat(GraphSettings.defaults(URI.create("http://localhost:8080/v1.0")).baseUrl().getHost())
        .isEqualTo("localhost");
  }

  @Test
  void givenBadValues_whenCreated_thenRefused() {
    GraphSettings defaults = GraphSettings.defaults();

    assertThatThrownBy(() -> defaults.withRetries(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withUserAgent("x\r\nAuthorization: Bearer y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> defaults.withBaseUrl(URI.create("https://graph.microsoft.com/v1.0?x=1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withBaseUrl(URI.create("/v1.0")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withMaxConcurrentCalls(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConcurrentCalls");
  }
}
