package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;

import org.devicemanagement.adapters.rest.control.ControlApi;
import org.devicemanagement.adapters.rest.control.ControlChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The counters the web console polls: a Graph request moves the requests' counter, a write (Graph's
 * or the control API's, refused or not) the tenant's; reads through the control API move neither.
 */
class ControlChangesHttpTest {

  @RegisterExtension
  static final TestServerExtension server =
      new TestServerExtension(TestServer.builder().control(ControlApi.on(10)));

  private static ControlChanges changes() {
    return server.control().changes();
  }

  @Test
  void givenAGraphRead_whenAnswered_thenOnlyTheRequestsCounterMoves() {
    long tenant = changes().tenant();
    long requests = changes().requests();

    server.get("v1.0/me/managedDevices", TestTokens.delegated().build());

    assertThat(changes().requests()).isEqualTo(requests + 1);
    assertThat(changes().tenant()).isEqualTo(tenant);
  }

  @Test
  void givenAGraphWrite_whenAnsweredEvenRefused_thenBothCountersMove() {
    long tenant = changes().tenant();
    long requests = changes().requests();

    server.post(
        "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
        TestTokens.delegated().build());
    server.post("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement", "not-a-token");

    assertThat(changes().requests()).isEqualTo(requests + 2);
    assertThat(changes().tenant()).isEqualTo(tenant + 2);
  }

  @Test
  void givenControlRequests_whenAnswered_thenReadsMoveNothingAndWritesTheTenantCounter() {
    long tenant = changes().tenant();
    long requests = changes().requests();

    server.get("_emulator/requests");
    server.get("_emulator/faults");
    server.delete("_emulator/faults");

    assertThat(changes().requests()).isEqualTo(requests);
    assertThat(changes().tenant()).isEqualTo(tenant + 1);
  }
}
