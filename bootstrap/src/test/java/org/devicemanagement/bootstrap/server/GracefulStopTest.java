package org.devicemanagement.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.memory.TenantFile;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {

  private static final int IN_FLIGHT = 6;
  private static final String RETIRE_ADELE =
      "v1.0/users/" + BootstrapTestData.ADELE_UPN + "/removeAllDevicesFromManagement";

  @TempDir Path dataDir;

  @Test
  void givenSlowRequestsInFlight_whenStop_thenEachGetsItsResponseAndLaterOnesAreRefused()
      throws Exception {
    InMemoryTenant tenant = TenantFile.demo();
    GatedDevices gated = new GatedDevices(tenant, IN_FLIGHT);
    DeviceManagementServer server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir, tenant).withShutdownGrace(Duration.ofSeconds(10)),
            binder -> binder.bind(DeviceRetirement.class).toInstance(gated));
    URI base = server.baseUri();
    String token =
        BootstrapTestData.delegatedToken(
            server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      responses.add(
          client.sendAsync(
              BootstrapTestData.post(base, RETIRE_ADELE, token),
              HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(gated.entered.await(20, TimeUnit.SECONDS)).as("all requests in flight").isTrue();
    gated.releaseAfter(Duration.ofMillis(1500));

    Instant stopping = Instant.now();
    server.stop();
    Duration took = Duration.between(stopping, Instant.now());

    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    }
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(1300))
        .isLessThan(Duration.ofSeconds(10));
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        BootstrapTestData.post(base, RETIRE_ADELE, token),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void givenRequestHangingBeyondTheGrace_whenStop_thenStopReturnsWithinTheBound() throws Exception {
    InMemoryTenant tenant = TenantFile.demo();
    GatedDevices gated = new GatedDevices(tenant, 1);
    DeviceManagementServer server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir, tenant).withShutdownGrace(Duration.ofSeconds(1)),
            binder -> binder.bind(DeviceRetirement.class).toInstance(gated));
    String token =
        BootstrapTestData.delegatedToken(
            server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
    CompletableFuture<HttpResponse<String>> hanging =
        HttpClient.newHttpClient()
            .sendAsync(
                BootstrapTestData.post(server.baseUri(), RETIRE_ADELE, token),
                HttpResponse.BodyHandlers.ofString());
    try {
      assertThat(gated.entered.await(20, TimeUnit.SECONDS)).isTrue();

      Instant stopping = Instant.now();
      server.stop();
      Duration took = Duration.between(stopping, Instant.now());

      assertThat(took)
          .isGreaterThanOrEqualTo(Duration.ofMillis(900))
          .isLessThan(Duration.ofSeconds(7));
    } finally {
      gated.releaseAfter(Duration.ZERO);
      hanging.cancel(true);
    }
  }

  @Test
  void givenStoppedServer_whenStopAgain_thenReturnsAtOnce() {
    DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir));
    server.stop();

    Instant again = Instant.now();
    server.close();

    assertThat(Duration.between(again, Instant.now())).isLessThan(Duration.ofSeconds(1));
  }

  /** Holds every retire-all until released, counting the requests that got inside. */
  private static final class GatedDevices implements DeviceRetirement {
    private final DeviceRetirement delegate;
    private final CountDownLatch entered;
    private final CountDownLatch released = new CountDownLatch(1);

    GatedDevices(DeviceRetirement delegate, int expected) {
      this.delegate = delegate;
      this.entered = new CountDownLatch(expected);
    }

    void releaseAfter(Duration delay) {
      CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
          .execute(released::countDown);
    }

    @Override
    public RetireAllOutcome retireAll(User user, Instant at, RetireAllAudit audit) {
      entered.countDown();
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return delegate.retireAll(user, at, audit);
    }
  }
}
