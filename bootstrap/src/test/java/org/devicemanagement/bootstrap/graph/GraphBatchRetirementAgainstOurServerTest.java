package org.devicemanagement.bootstrap.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.adapters.graph.FixedGraphCredentials;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.graph.GraphTenant;
import org.devicemanagement.adapters.graph.UserRetireResult;
import org.devicemanagement.adapters.graph.UserRetireResult.Outcome;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GraphTenant.batchRetirement()} against this project's own server's {@code $batch}: a
 * result per user, and the devices of the users retired really changed.
 */
class GraphBatchRetirementAgainstOurServerTest {

  private static final int USERS = 25;
  private static final String UNKNOWN = "00000000-0000-4000-8000-00000000dead";

  private final List<User> users = new ArrayList<>();
  private OurServerAsGraph server;

  @BeforeEach
  void start() {
    List<ManagedDevice> devices = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      User user =
          new User(
              "%08d-1111-4222-8333-444444444444".formatted(i),
              "batch.user%d@contoso.com".formatted(i),
              "Batch User " + i);
      users.add(user);
      devices.add(BootstrapTestData.device(deviceOf(i), user, ManagementState.MANAGED));
    }
    server = OurServerAsGraph.of(users, devices);
  }

  private static String deviceOf(int user) {
    return "b%07d-0000-4000-8000-000000000000".formatted(user);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GraphTenant tenant(String token) {
    return GraphTenant.connect(
        GraphSettings.defaults(server.baseUrl())
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
            .withUserAgent("device-management-batch-tests"),
        new FixedGraphCredentials(token));
  }

  @Test
  void
      givenUsersByIdAndSignInNameAndAnUnknownOne_whenRetireAll_thenResultPerUserAndDevicesRetired() {
    GraphTenant tenant = tenant(server.bearerToken());
    List<String> named = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      named.add(i % 2 == 0 ? users.get(i).id() : users.get(i).userPrincipalName());
    }
    named.add(UNKNOWN);

    List<UserRetireResult> results = tenant.batchRetirement().retireAll(named);

    assertThat(results).extracting(UserRetireResult::user).containsExactlyElementsOf(named);
    assertThat(results.subList(0, USERS))
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).as(r.toString()).isEqualTo(Outcome.RETIRED);
              assertThat(r.httpStatus()).isEqualTo(204);
              assertThat(r.attempts()).isEqualTo(1);
            });
    assertThat(results.get(USERS).outcome()).isEqualTo(Outcome.NOT_FOUND);
    for (int i = 0; i < USERS; i++) {
      assertThat(tenant.devices().findDeviceById(deviceOf(i)))
          .hasValueSatisfying(
              d -> assertThat(d.managementState()).isEqualTo(ManagementState.RETIRE_PENDING));
    }
  }

  @Test
  void
      givenTokenWithoutThePrivilegedScope_whenRetireAll_thenRefusedWithGraphsMessageAndNothingRetired() {
    GraphTenant reader = tenant(server.bearerToken(List.of(Permissions.READ_ALL)));

    List<UserRetireResult> results =
        reader.batchRetirement().retireAll(List.of(users.get(0).id(), users.get(1).id()));

    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
              assertThat(r.httpStatus()).isEqualTo(403);
              assertThat(r.message()).contains(Permissions.PRIVILEGED_OPERATIONS_ALL);
              assertThat(r.requestId()).isNotEmpty();
            });
    assertThat(reader.devices().findDeviceById(deviceOf(0)))
        .hasValueSatisfying(
            d -> assertThat(d.managementState()).isEqualTo(ManagementState.MANAGED));
  }
}
