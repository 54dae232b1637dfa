package org.devicemanagement.bootstrap.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that reset the connection before reading their response must not hold the graceful stop
 * for its whole grace, and must not disturb later callers.
 */
class AbortedRequestsTest {

  private static final Duration GRACE = Duration.ofSeconds(10);

  @TempDir Path dataDir;

  @Test
  void givenManyRequestsResetByTheirClients_whenStop_thenStopsWellWithinTheGrace()
      throws Exception {
    DeviceManagementServer server =
        DeviceManagementServer.start(BootstrapTestData.settings(dataDir).withShutdownGrace(GRACE));
    try {
      String token =
          BootstrapTestData.delegatedToken(
              server.signingKeys().orElseThrow(), BootstrapTestData.ADELE_UPN);
      String head =
          "GET /v1.0/users/"
              + BootstrapTestData.ADELE_UPN
              + "/managedDevices HTTP/1.1\r\n"
              + "Host: localhost\r\nAuthorization: Bearer "
              + token
              + "\r\n\r\n";
      for (int i = 0; i < 100; i++) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
          // Linger 0: close() resets the connection, as a client that gives up does.
          socket.setSoLinger(true, 0);
          socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
          socket.getOutputStream().flush();
          if (i % 2 == 0) {
            Thread.sleep(2);
          }
        }
      }
      Thread.sleep(500);
      int stillServed =
          BootstrapTestData.send(
                  BootstrapTestData.get(
                      server.baseUri(),
                      "v1.0/users/" + BootstrapTestData.ADELE_UPN + "/managedDevices",
                      token))
              .statusCode();

      long started = System.nanoTime();
      server.stop();
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(stillServed).isEqualTo(200);
      assertThat(took).as("stop after aborted requests").isLessThan(GRACE.dividedBy(2));
    } finally {
      server.stop();
    }
  }
}
