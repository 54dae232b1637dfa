package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.RestTestData.ADELE;
import static org.devicemanagement.adapters.rest.RestTestData.BROKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Stream;
import org.devicemanagement.adapters.rest.RestTestData.TestServer;
import org.devicemanagement.application.permission.Permissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retire-all handler on Jetty: which requests it serves itself, and that every request gets
 * the same answer as from Jersey alone (status, headers, Graph error body, ids aside).
 */
class RetireAllHandlerTest {

  private static final String ADELE_ACTION =
      "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement";

  private static TestServer jerseyOnly;
  private static TestServer withHandler;

  @BeforeAll
  static void start() {
    jerseyOnly = RestTestData.server();
    withHandler = RestTestData.serverWithRetireAllOnJetty();
  }

  @AfterAll
  static void stop() throws Exception {
    jerseyOnly.close();
    withHandler.close();
  }

  @BeforeEach
  void reset() {
    jerseyOnly.fake.reset();
    withHandler.fake.reset();
  }

  /** A request to send to both servers, and whether the handler is to serve it without Jersey. */
  record Row(
      String name, boolean servedOnJetty, Function<TestServer, HttpRequest.Builder> request) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> requests() {
    String token = RestTestData.delegated().build();
    return Stream.of(
        post("by id", true, ADELE_ACTION, token),
        post("by userPrincipalName", true,
            "v1.0/users/" + ADELE.userPrincipalName() + "/removeAllDevicesFromManagement", token),
        post("on /me", true, "v1.0/me/removeAllDevicesFromManagement", token),
        post("on beta", true,
            "beta/users/" + ADELE.id() + "/removeAllDevicesFromManagement", token),
        post("in another case", true,
            "V1.0/Users/" + ADELE.id() + "/REMOVEALLDEVICESFROMMANAGEMENT", token),
        post("namespace-qualified", true,
            "v1.0/users/" + ADELE.id() + "/microsoft.graph.removeAllDevicesFromManagement", token),
        post("with a trailing slash", true, ADELE_ACTION + "/", token),
        post("unknown user", true,
            "v1.0/users/nobody@contoso.com/removeAllDevicesFromManagement", token),
        post("application token", true, ADELE_ACTION,
            RestTestData.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build()),
        post("application token on /me", true, "v1.0/me/removeAllDevicesFromManagement",
            RestTestData.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build()),
        post("personal account", true, ADELE_ACTION, RestTestData.personal().build()),
        post("scope missing", true, ADELE_ACTION,
            RestTestData.delegated().claim("scp", Permissions.READ_ALL).build()),
        post("unexpected failure", true,
            "v1.0/users/" + BROKEN.id() + "/removeAllDevicesFromManagement", token),
        postWith("a safe client-request-id", true, token, "client-request-id", "my-id-42"),
        postWith("an unsafe client-request-id", true, token, "client-request-id", "not safe!"),
        postWith("Accept: application/json", true, token, "Accept", "application/json"),
        postWith("Accept: application/xml", false, token, "Accept", "application/xml"),
        postWith("two Accept headers", false, token,
            "Accept", "application/xml", "Accept", "application/json"),
        postWith("two client-request-ids", false, token,
            "client-request-id", "one", "client-request-id", "two"),
        postWith("two Authorization headers", false, token, "Authorization", "Bearer " + token),
        new Row("body {}", false,
            server -> server.authorized(ADELE_ACTION, token)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        new Row("a body with content", false,
            server -> server.authorized(ADELE_ACTION, token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))),
        new Row("a chunked body", false,
            server -> server.authorized(ADELE_ACTION, token)
                .POST(chunked("{}"))),
        new Row("no token", false,
            server -> server.request(ADELE_ACTION)
                .POST(HttpRequest.BodyPublishers.noBody())),
        post("a garbage token", false, ADELE_ACTION, RestTestData.garbageToken()),
        new Row("Basic credentials", false,
            server -> server.request(ADELE_ACTION)
                .header("Authorization", "Basic YWRlbGU6cGFzcw==")
                .POST(HttpRequest.BodyPublishers.noBody())),
        post("with a query", false, ADELE_ACTION + "?x=1", token),
        post("an encoded userPrincipalName", false,
            "v1.0/users/adele.vance%40contoso.com/removeAllDevicesFromManagement", token),
        post("OData key syntax (resolved to a plain segment)", true,
            "v1.0/users('" + ADELE.id() + "')/removeAllDevicesFromManagement", token),
        post("an unknown segment", false, "v1.0/users/" + ADELE.id() + "/retire", token),
        new Row("GET on the action", false,
            server -> server.authorized(ADELE_ACTION, token).GET()),
        new Row("PUT on the action", false,
            server -> server.authorized(ADELE_ACTION, token)
                .PUT(HttpRequest.BodyPublishers.noBody())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void givenRequest_whenSentToBothServers_thenSameAnswer(Row row) {
    HttpResponse<String> expected = jerseyOnly.send(row.request().apply(jerseyOnly));
    HttpResponse<String> actual = withHandler.send(row.request().apply(withHandler));

    assertThat(actual.statusCode()).as(actual.body()).isEqualTo(expected.statusCode());
    assertThat(comparableHeaders(actual)).isEqualTo(comparableHeaders(expected));
    assertThat(comparableBody(actual)).isEqualTo(comparableBody(expected));
    assertThat(withHandler.fake.received()).hasSameSizeAs(jerseyOnly.fake.received());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void givenRequest_whenSent_thenServedOnJettyOnlyWhenWellFormed(Row row) {
    int before = withHandler.reachedJersey();

    withHandler.send(row.request().apply(withHandler));

    assertThat(withHandler.reachedJersey() - before).isEqualTo(row.servedOnJetty() ? 0 : 1);
  }

  @Test
  void givenOneOffFailure_whenRetireAll_thenUseCaseCalledOnceAnd500() {
    withHandler.fake.failNextWith(new IllegalStateException(RestTestData.INTERNAL_DETAIL));

    HttpResponse<String> response =
        withHandler.post(ADELE_ACTION, RestTestData.delegated().build());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("hunter2");
    assertThat(withHandler.fake.received()).hasSize(1);
    assertThat(withHandler.fake.device(RestTestData.adelesDevices().get(0).id()).orElseThrow()
            .managementState())
        .isEqualTo(RestTestData.adelesDevices().get(0).managementState());
  }

  private static Row post(String name, boolean servedOnJetty, String path, String token) {
    return new Row(name, servedOnJetty,
        server -> server.authorized(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static Row postWith(String name, boolean servedOnJetty, String token, String... headers) {
    return new Row(name, servedOnJetty,
        server -> server.authorized(ADELE_ACTION, token)
            .headers(headers)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpRequest.BodyPublisher chunked(String body) {
    HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.ofString(body);
    // Without a known length the client sends the body chunked.
    return HttpRequest.BodyPublishers.fromPublisher((Flow.Publisher<java.nio.ByteBuffer>) sized);
  }

  /**
   * Every header but the date and the framing (Jersey streams error bodies chunked, the handler
   * sends their length), with the ids reduced to how they relate to each other.
   */
  private static Map<String, List<String>> comparableHeaders(HttpResponse<String> response) {
    Map<String, List<String>> headers = new TreeMap<>();
    String requestId = response.headers().firstValue("request-id").orElse("");
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("date")
          || lower.equals("content-length")
          || lower.equals("transfer-encoding")) {
        return;
      }
      headers.put(
          lower, values.stream().map(v -> v.equals(requestId) ? "<request-id>" : v).toList());
    });
    assertThat(requestId).isNotEmpty();
    return headers;
  }

  /** The body, with the ids and the date an answer has of its own replaced by placeholders. */
  private static String comparableBody(HttpResponse<String> response) {
    if (response.body().isEmpty()) {
      return "";
    }
    String requestId = response.headers().firstValue("request-id").orElseThrow();
    JsonNode json = RestTestData.json(response);
    JsonNode inner = json.at("/error/innerError");
    if (inner instanceof ObjectNode innerError) {
      innerError.put("date", "<date>");
    }
    return json.toString().replace(requestId, "<request-id>");
  }
}
