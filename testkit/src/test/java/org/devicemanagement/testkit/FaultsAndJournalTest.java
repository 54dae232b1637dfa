package org.devicemanagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The test kit's faults and journal: make Graph fail, then check what the code under test sent. */
class FaultsAndJournalTest {

  private static final String MEGAN = "megan@contoso.com";

  @RegisterExtension
  static final GraphEmulator graph =
      GraphEmulator.with(TestTenant.builder().user(MEGAN).device(MEGAN, "MEGAN-LAPTOP").build());

  @Test
  void givenAThrottlingFault_whenRetiring_then503NothingRetiredAndTheJournalHoldsTheCall() {
    graph
        .faults()
        .add(
            FaultSpec.on("POST", "/v1.0/users/*/removeAllDevicesFromManagement")
                .status(503)
                .retryAfter(Duration.ofSeconds(1))
                .times(1));
    GraphServiceClient client = GraphClients.of(graph, graph.tokens().delegated(MEGAN));

    ODataError error =
        catchThrowableOfType(
            ODataError.class,
            () -> client.users().byUserId(MEGAN).removeAllDevicesFromManagement().post());

    // The SDK retries a 503 after Retry-After; the fault answered once, so the retry went through.
    assertThat(error).isNull();
    graph.journal().verify(2, "POST", "/v1.0/users/*/removeAllDevicesFromManagement");
    assertThat(graph.journal().requests("POST", "/**/removeAllDevicesFromManagement"))
        .extracting(RecordedRequest::status)
        .containsExactly(503, 204);
    assertThat(graph.journal().requests().get(1).callerUserPrincipalName()).contains(MEGAN);
    assertThat(graph.devicesOf(MEGAN))
        .extracting(ManagedDevice::managementState)
        .containsExactly(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenTheTestBefore_whenThisTestStarts_thenNoFaultsAndAnEmptyJournal() {
    assertThat(graph.faults().count()).isZero();
    assertThat(graph.journal().requests()).isEmpty();
    assertThat(graph.devicesOf(MEGAN))
        .extracting(ManagedDevice::managementState)
        .containsExactly(ManagementState.MANAGED);
  }

  @Test
  void givenNoCall_whenVerifyingOne_thenTheFailureListsTheJournal() {
    assertThatThrownBy(() -> graph.journal().verify(1, "POST", "/v1.0/me/**"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("expected 1 request(s) POST /v1.0/me/**, the emulator received 0");
  }

  @Test
  void givenGlobs_whenMatched_thenOneStarIsOneSegmentAndTwoAreAny() {
    assertThat(
            EmulatorJournal.matches("/v1.0/users/*/managedDevices", "/v1.0/users/x/managedDevices"))
        .isTrue();
    assertThat(EmulatorJournal.matches("/v1.0/users/*", "/v1.0/users/x/managedDevices")).isFalse();
    assertThat(EmulatorJournal.matches("/**/MANAGEDDEVICES", "/v1.0/users/x/managedDevices"))
        .isTrue();
  }
}
