package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.graph.FakeGraph.Reply.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.devicemanagement.application.failure.BackendUnavailableException;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.query.DeviceFilter;
import org.devicemanagement.application.query.DeviceOrder;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceProperty;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.domain.ManagedDevice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GraphManagedDevices#search}: the tenant's listing forwarded to Graph with the query's
 * options, Graph's page answered as is, and Graph's nextLink as an opaque skip token.
 */
class GraphManagedDevicesSearchTest {

  private static final DeviceQuery WINDOWS_BY_NAME_COUNTED =
      new DeviceQuery(
          Optional.of(
              DeviceFilter.and(
                  new DeviceFilter.Comparison(
                      DeviceProperty.OPERATING_SYSTEM, DeviceFilter.Operator.EQ, "Windows"),
                  new DeviceFilter.StartsWith(DeviceProperty.DEVICE_NAME, "O'Brien"))),
          List.of(
              new DeviceOrder(DeviceProperty.DEVICE_NAME, true),
              new DeviceOrder(DeviceProperty.LAST_SYNC_DATE_TIME, false)),
          true);

  private final FakeGraph graph = FakeGraph.start();
  private final FakeClock clock = GraphTestData.clock();
  private final GraphManagedDevices devices =
      GraphTestData.tenant(
              GraphTestData.settings(graph.baseUrl()), clock, new RecordingSleeper(clock))
          .devices();

  @AfterEach
  void stop() {
    graph.close();
  }

  private static String page(
      List<ManagedDevice> value, @Nullable Long count, @Nullable String nextLink) {
    ObjectNode body = GraphTestData.json().createObjectNode();
    body.put(
        "@odata.context",
        "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices");
    if (count != null) {
      body.put("@odata.count", count);
    }
    if (nextLink != null) {
      body.put("@odata.nextLink", nextLink);
    }
    value.forEach(d -> body.withArray("value").add(GraphTestData.deviceNode(d)));
    if (value.isEmpty()) {
      body.putArray("value");
    }
    return GraphTestData.write(body);
  }

  private static String token(String relative) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(relative.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void givenFilterOrderCountAndTop_whenSearch_thenOptionsForwardedAndGraphsPageAnsweredAsIs() {
    List<ManagedDevice> all = GraphTestData.adeleDevices();
    graph.enqueue(
        json(
            200,
            page(
                List.of(all.get(2), all.get(0), all.get(1)),
                42L,
                graph.baseUrl()
                    + "/deviceManagement/managedDevices?$filter=x&$top=3&$skiptoken=Pg1")));

    DevicePage page = devices.search(WINDOWS_BY_NAME_COUNTED, 3, Optional.empty());

    assertThat(graph.lastRequest().target())
        .isEqualTo(
            "/v1.0/deviceManagement/managedDevices"
                + "?$filter=operatingSystem%20eq%20%27Windows%27%20and%20"
                + "startswith%28deviceName%2C%27O%27%27Brien%27%29"
                + "&$orderby=deviceName%20desc%2ClastSyncDateTime%20asc"
                + "&$top=3&$count=true");
    assertThat(graph.lastRequest().header("ConsistencyLevel")).isEmpty();
    assertThat(page.devices()).containsExactly(all.get(2), all.get(0), all.get(1));
    assertThat(page.count()).isEqualTo(OptionalLong.of(42));
    assertThat(page.nextSkipToken())
        .contains(token("/deviceManagement/managedDevices?$filter=x&$top=3&$skiptoken=Pg1"));
  }

  @Test
  void givenSkipTokenOfAPage_whenSearch_thenGraphsNextLinkFollowedAsGiven() {
    List<ManagedDevice> all = GraphTestData.adeleDevices();
    String nextLink =
        graph.baseUrl()
            + "/deviceManagement/managedDevices?$filter=userId%20eq%20%27x%27&$top=2&$skiptoken=Q2";
    graph.enqueue(
        json(200, page(all.subList(0, 2), null, nextLink)),
        json(200, page(all.subList(2, 3), null, null)));

    DevicePage first = devices.search(DeviceQuery.ALL, 2, Optional.empty());
    DevicePage second = devices.search(DeviceQuery.ALL, 2, first.nextSkipToken());

    assertThat(graph.requests())
        .extracting(FakeGraph.Recorded::target)
        .containsExactly(
            "/v1.0/deviceManagement/managedDevices?$top=2",
            "/v1.0/deviceManagement/managedDevices?$filter=userId%20eq%20%27x%27&$top=2&$skiptoken=Q2");
    assertThat(second.devices()).containsExactly(all.get(2));
    assertThat(second.nextSkipToken()).isEmpty();
    assertThat(second.count()).isEmpty();
  }

  @Test
  void givenCountNotAsked_whenGraphCountsAnyway_thenNoCount() {
    graph.enqueue(json(200, page(List.of(), 7L, null)));

    DevicePage page = devices.search(DeviceQuery.ALL, 10, Optional.empty());

    assertThat(page.count()).isEmpty();
    assertThat(page.devices()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://graph.example.net/v1.0/deviceManagement/managedDevices?$skiptoken=1",
        "/v1.0/deviceManagement/managedDevices?$skiptoken=1",
        "BASE/users/x/managedDevices?$skiptoken=1",
        "ORIGIN/beta/deviceManagement/managedDevices?$skiptoken=1"
      })
  void givenNextLinkNotContinuingTheListingUnderTheBase_whenSearch_thenUnavailable(String link) {
    graph.enqueue(
        json(
            200,
            page(
                GraphTestData.adeleDevices().subList(0, 1),
                null,
                link.replace("BASE", graph.baseUrl().toString())
                    .replace("ORIGIN", graph.origin().toString()))));

    assertThatThrownBy(() -> devices.search(DeviceQuery.ALL, 1, Optional.empty()))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("nextLink");
    assertThat(graph.requests()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not base64!",
        "",
        "users/x/managedDevices",
        "/users/x/managedDevices",
        "//graph.example.net/v1.0/deviceManagement/managedDevices",
        "/deviceManagement/managedDevices/../../users/x",
        "/deviceManagement/managedDevices#frag",
        "https://graph.example.net/v1.0/deviceManagement/managedDevices",
        "@graph.example.net/deviceManagement/managedDevices"
      })
  void givenSkipTokenNotGivenBySearch_whenSearch_thenInvalidRequestAndNothingSent(String relative) {
    String skipToken = relative.equals("not base64!") ? relative : token(relative);

    assertThatThrownBy(() -> devices.search(DeviceQuery.ALL, 5, Optional.of(skipToken)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("The $skiptoken value is not valid.");
    assertThat(graph.requests()).isEmpty();
  }

  @Test
  void givenGraphRefusesTheFilter_whenSearch_thenInvalidRequestWithGraphsMessage() {
    graph.enqueue(
        json(
            400,
            GraphTestData.errorBody(
                "BadRequest", "Filtering by 'operatingSystem' with 'ne' is not supported.")));

    assertThatThrownBy(() -> devices.search(WINDOWS_BY_NAME_COUNTED, 5, Optional.empty()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("Filtering by 'operatingSystem' with 'ne' is not supported.");
  }

  @Test
  void givenGraphThrottlesTheListing_whenSearch_thenRetriedAsEveryCall() {
    graph.enqueue(
        json(429, GraphTestData.throttled(), "Retry-After", "2"),
        json(200, page(List.of(), 0L, null)));

    DevicePage page = devices.search(WINDOWS_BY_NAME_COUNTED, 5, Optional.empty());

    assertThat(page.count()).isEqualTo(OptionalLong.of(0));
    assertThat(graph.requests()).hasSize(2);
  }
}
