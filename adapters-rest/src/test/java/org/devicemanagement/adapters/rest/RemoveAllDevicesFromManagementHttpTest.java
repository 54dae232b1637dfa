package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.RestTenant.MEGAN;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.adapters.rest.resource.RemoveAllDevicesFromManagementResource;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.Permissions;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** {@code POST …/removeAllDevicesFromManagement} over real HTTP. */
class RemoveAllDevicesFromManagementHttpTest {

  @RegisterExtension static final TestServerExtension server = new TestServerExtension();

  private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

  @BeforeEach
  void attachAudit() {
    audit.start();
    auditLogger().addAppender(audit);
  }

  @AfterEach
  void detach() {
    auditLogger().detachAppender(audit);
  }

  private static Logger auditLogger() {
    return (Logger) LoggerFactory.getLogger(RemoveAllDevicesFromManagementResource.class);
  }

  private static ManagedDevice stored(int index) {
    return server.tenant().findDeviceById(RestTenant.adelesDevices().get(index).id()).orElseThrow();
  }

  @Test
  void givenUserById_whenRetireAll_then204EmptyAndRetirableDevicesRetirePending() {
    HttpResponse<String> response =
        server.post(
            "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
            TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("request-id")).isPresent();
    assertThat(stored(0).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(stored(1).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(stored(2).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
    assertThat(server.received())
        .containsExactly(
            new RemoveAllDevicesFromManagementCommand(
                TestTokens.verifier().verify(TestTokens.delegated().build()),
                new UserReference.ById(ADELE.id()),
                response.headers().firstValue("request-id").orElseThrow(),
                Optional.of("127.0.0.1")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "adele.vance%40contoso.com",
        "adele.vance@contoso.com",
        "ADELE.VANCE%40contoso.com"
      })
  void givenUserByUserPrincipalName_whenRetireAll_then204WithDecodedUpn(String segment) {
    HttpResponse<String> response =
        server.post(
            "v1.0/users/" + segment + "/removeAllDevicesFromManagement",
            TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(((RemoveAllDevicesFromManagementCommand) server.received().get(0)).user())
        .isInstanceOf(UserReference.ByUserPrincipalName.class)
        .extracting(UserReference::text)
        .asString()
        .containsIgnoringCase("adele.vance@contoso.com");
    assertThat(stored(0).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenDelegatedCaller_whenRetireAllOnMe_then204ForTheSignedInUser() {
    HttpResponse<String> response =
        server.post("v1.0/me/removeAllDevicesFromManagement", TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(((RemoveAllDevicesFromManagementCommand) server.received().get(0)).user())
        .isEqualTo(new UserReference.SignedInUser());
    assertThat(stored(0).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenUpnOnlyToken_whenRetireAllOnMe_then204() {
    HttpResponse<String> response =
        server.post(
            "v1.0/me/removeAllDevicesFromManagement",
            TestTokens.delegatedByUpn(ADELE.userPrincipalName()).build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(stored(0).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "V1.0/USERS/%s/REMOVEALLDEVICESFROMMANAGEMENT",
        "v1.0/Users/%s/removealldevicesfrommanagement",
        "beta/users/%s/removeAllDevicesFromManagement",
        "BETA/users/%s/RemoveAllDevicesFromManagement",
        "v1.0/users/%s/microsoft.graph.removeAllDevicesFromManagement",
        "v1.0/users/%s/removeAllDevicesFromManagement/"
      })
  void givenAnySpellingOfTheRoute_whenRetireAll_then204(String template) {
    HttpResponse<String> response =
        server.post(template.formatted(ADELE.id()), TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(stored(0).managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
  }

  @Test
  void givenMeInAnyCase_whenRetireAll_then204() {
    HttpResponse<String> response =
        server.post("beta/ME/removeAllDevicesFromManagement", TestTokens.delegated().build());

    assertThat(response.statusCode()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", " { } ", "\n{\r\n\t}\n", "   ", "\uFEFF{}"})
  void givenEmptyObjectOrBlankBody_whenRetireAll_then204(String body) {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(
                    "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
                    TestTokens.delegated().build())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  void givenUserWithoutDevices_whenRetireAllTwice_then204Both() {
    String path = "v1.0/users/" + MEGAN.id() + "/removeAllDevicesFromManagement";

    HttpResponse<String> first = server.post(path, TestTokens.delegated().build());
    HttpResponse<String> second = server.post(path, TestTokens.delegated().build());

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(204);
  }

  @Test
  void givenTokenNamingTheCallerByUpnOnly_whenRetireAll_thenAuditLineNamesTheUpn() {
    String token = TestTokens.delegated().without("oid").claim("upn", "admin@contoso.com").build();

    server.post("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement", token);

    assertThat(audit.list).hasSize(1);
    assertThat(audit.list.get(0).getFormattedMessage()).contains("oid=- upn=admin@contoso.com");
  }

  @Test
  void givenRetireAll_whenDone_thenOneAuditLineWithCallerTargetCountsAndRequestIdButNoToken() {
    String token = TestTokens.delegated().build();

    HttpResponse<String> response =
        server.post("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement", token);

    List<ILoggingEvent> events = audit.list;
    assertThat(events).hasSize(1);
    String line = events.get(0).getFormattedMessage();
    assertThat(events.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
    assertThat(line)
        .contains("oid=" + ADELE.id())
        .contains("appid=" + TestTokens.CLIENT_APP_ID)
        .contains("target user=" + ADELE.id())
        .contains("changed=2")
        .contains("unchanged=1")
        .contains("request-id=" + response.headers().firstValue("request-id").orElseThrow())
        .doesNotContain(token)
        .doesNotContain(token.split("\\.", -1)[2]);
  }

  @Test
  void givenRefusedRetireAll_whenDone_thenNoAuditLine() {
    server.post(
        "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
        TestTokens.delegated().claim("scp", "User.Read").build());

    assertThat(audit.list).isEmpty();
  }

  @Test
  void givenTheCurrentPermissionTable_whenAnAppRetiresAll_then204AndDevicesRetirePending()
      throws Exception {
    // The seed table refuses applications (ErrorResponsesHttpTest); the later one admits them.
    try (TestServer current =
        TestServer.builder().permissions(PermissionCatalog.current()).start()) {
      HttpResponse<String> response =
          current.post(
              "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
              TestTokens.application(Permissions.PRIVILEGED_OPERATIONS_ALL).build());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      assertThat(
              current
                  .tenant()
                  .findDeviceById(RestTenant.adelesDevices().get(0).id())
                  .orElseThrow()
                  .managementState())
          .isEqualTo(ManagementState.RETIRE_PENDING);
    }
  }

  @Test
  void givenHead_whenOnTheAction_then405() {
    HttpResponse<String> response =
        server.send(
            server
                .authorized(
                    "v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement",
                    TestTokens.delegated().build())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("request-id")).isPresent();
  }

  @Test
  void givenOptions_whenOnTheAction_then204AllowWithoutTokenAndNothingRetired() {
    HttpResponse<String> response =
        server.send(
            server
                .request("v1.0/users/" + ADELE.id() + "/removeAllDevicesFromManagement")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
    assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("POST");
    assertThat(response.headers().firstValue("request-id")).isPresent();
    assertThat(server.received()).isEmpty();
  }
}
