package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.ALEX_UPN;
import static org.devicemanagement.bootstrap.BootstrapTestData.PRIVILEGED;
import static org.devicemanagement.bootstrap.BootstrapTestData.READ_ALL;
import static org.devicemanagement.bootstrap.BootstrapTestData.UNKNOWN_USER_ID;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchRequestContentCollection;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.content.BatchResponseContentCollection;
import com.microsoft.graph.models.ManagedDevice;
import com.microsoft.graph.models.ManagedDeviceCollectionResponse;
import com.microsoft.graph.models.ManagementState;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.bootstrap.security.TokenType;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Microsoft Graph Java SDK v6's JSON batching, unchanged, against our server: {@code
 * BatchRequestContent}, {@code BatchRequestContentCollection} (split by the SDK into batches of 20)
 * and {@code getBatchRequestBuilder().post(...)}, reading each step's status and body.
 */
class GraphSdkBatchTest {

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private GraphServiceClient graph;

  @BeforeEach
  void start() {
    server = DeviceManagementServer.start(BootstrapTestData.settings(dataDir));
    graph =
        client(
            BootstrapTestData.token(
                server.signingKeys().orElseThrow(),
                TokenType.DELEGATED,
                ADELE_UPN,
                PRIVILEGED,
                READ_ALL,
                Permissions.USER_READ_ALL));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void givenRetireAllAndReadsInOneBatch_whenPosted_thenEveryStepAnswersAsAlone()
      throws IOException {
    BatchRequestContent batch = new BatchRequestContent(graph);
    String retire =
        batch.addBatchRequestStep(
            withEmptyJsonBody(
                graph
                    .users()
                    .byUserId(ADELE_UPN)
                    .removeAllDevicesFromManagement()
                    .toPostRequestInformation()));
    String list =
        batch.addBatchRequestStep(
            graph.users().byUserId(ADELE_UPN).managedDevices().toGetRequestInformation());
    batch.getBatchRequestSteps().get(list).addDependsOnId(retire);
    String me = batch.addBatchRequestStep(graph.me().toGetRequestInformation());
    String top =
        batch.addBatchRequestStep(
            graph
                .users()
                .byUserId(ALEX_UPN)
                .managedDevices()
                .toGetRequestInformation(request -> request.queryParameters.top = 1));
    String missing =
        batch.addBatchRequestStep(
            withEmptyJsonBody(
                graph
                    .users()
                    .byUserId(UNKNOWN_USER_ID)
                    .removeAllDevicesFromManagement()
                    .toPostRequestInformation()));

    BatchResponseContent responses = graph.getBatchRequestBuilder().post(batch, null);

    assertThat(responses.getResponsesStatusCode())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(retire, 204, list, 200, me, 200, top, 200, missing, 404));
    List<ManagedDevice> devices =
        responses
            .getResponseById(list, ManagedDeviceCollectionResponse::createFromDiscriminatorValue)
            .getValue();
    assertThat(devices)
        .hasSize(5)
        .extracting(ManagedDevice::getManagementState)
        .containsOnly(ManagementState.RetirePending, ManagementState.WipePending);
    assertThat(
            responses
                .getResponseById(me, User::createFromDiscriminatorValue)
                .getUserPrincipalName())
        .isEqualTo(ADELE_UPN);
    ManagedDeviceCollectionResponse page =
        responses.getResponseById(
            top, ManagedDeviceCollectionResponse::createFromDiscriminatorValue);
    assertThat(page.getValue()).hasSize(1);
    assertThat(page.getOdataNextLink()).startsWith(server.baseUri() + "v1.0/users/");
  }

  @Test
  void givenTwentyFiveSteps_whenTheSdkSplitsAndPostsThem_thenEveryStepAnswers() throws IOException {
    BatchRequestContentCollection collection = new BatchRequestContentCollection(graph);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      RequestInformation step =
          i % 2 == 0
              ? graph.users().byUserId(ADELE_UPN).managedDevices().toGetRequestInformation()
              : graph.me().toGetRequestInformation();
      ids.add(collection.addBatchRequestStep(step));
    }

    assertThat(collection.getBatchRequestsForExecution()).hasSize(2);
    BatchResponseContentCollection responses =
        graph.getBatchRequestBuilder().post(collection, null);

    Map<String, Integer> statuses = responses.getResponsesStatusCodes();
    assertThat(statuses).hasSize(25).containsOnlyKeys(ids);
    assertThat(statuses.values()).containsOnly(200);
    assertThat(
            responses
                .getResponseById(
                    ids.get(0), ManagedDeviceCollectionResponse::createFromDiscriminatorValue)
                .getValue())
        .hasSize(5);
  }

  /**
   * {@code request} with the body {@code {}}: the SDK's {@code BatchRequestContent} fails with a
   * NullPointerException on a POST step without a body (it reads the Content-Type of the empty body
   * OkHttp gives a bodiless POST). {@code {}} is what Graph and this server accept as no body.
   */
  private static RequestInformation withEmptyJsonBody(RequestInformation request) {
    request.setStreamContent(
        new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "application/json");
    return request;
  }

  private GraphServiceClient client(String token) {
    return GraphSdkClients.v1(server.baseUri(), token);
  }
}
