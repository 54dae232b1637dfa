package org.devicemanagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.time.Instant;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test kit on a virtual clock: a retire completes at the device's next check-in. */
class VirtualClockTest {

  private static final String JONI = "joni@contoso.com";
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @RegisterExtension
  static final GraphEmulator graph =
      GraphEmulator.with(
              TestTenant.builder()
                  .user(JONI)
                  .device(JONI, "JONI-LAPTOP")
                  .device(JONI, "JONI-DESKTOP")
                  .build())
          .withVirtualClock(START);

  @Test
  void givenARetiredUser_whenTheClockPassesTheirCheckIn_thenTheDevicesLeaveTheTenant() {
    GraphServiceClient client = GraphClients.of(graph, graph.tokens().delegated(JONI));
    client.users().byUserId(JONI).removeAllDevicesFromManagement().post();
    assertThat(graph.devicesOf(JONI))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.RETIRE_PENDING);

    graph.clock().advance(Duration.ofHours(1));
    assertThat(graph.devicesOf(JONI)).hasSize(2);
    graph.clock().advance(Duration.ofHours(8));

    assertThat(graph.devicesOf(JONI)).isEmpty();
    assertThat(client.users().byUserId(JONI).managedDevices().get().getValue()).isEmpty();
    assertThat(graph.clock().now()).isEqualTo(START.plus(Duration.ofHours(9)));
  }

  @Test
  void givenTheTestBefore_whenThisTestStarts_thenDevicesAndClockAreBackAtTheStart() {
    assertThat(graph.clock().now()).isEqualTo(START);
    assertThat(graph.clock().isVirtual()).isTrue();
    assertThat(graph.devicesOf(JONI))
        .extracting(ManagedDevice::managementState)
        .containsOnly(ManagementState.MANAGED);
  }
}
