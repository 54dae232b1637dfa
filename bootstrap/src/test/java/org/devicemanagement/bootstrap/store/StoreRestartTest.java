package org.devicemanagement.bootstrap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.cli.StartupBanner;
import org.devicemanagement.bootstrap.composition.StoreSeedingException;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.config.TenantSource;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator on a SQLite file, stopped and started again on the same file: the tenant, the audit
 * trail, the check-in schedule and the virtual clock are where the first run left them.
 */
class StoreRestartTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private final List<DeviceManagementServer> servers = new ArrayList<>();

  @AfterEach
  void stopAll() {
    servers.forEach(DeviceManagementServer::stop);
  }

  @Test
  void givenRetireOnSqlite_whenRestartedOnTheSameFile_thenDevicesTrailScheduleAndClockKept() {
    DeviceManagementServer first = start(settings(ClockSetting.virtualResuming(START)));
    assertThat(StartupBanner.render(first, first.settings(), "dm"))
        .contains("Store:          sqlite " + dir.resolve("dm.db"))
        .contains("the embedded demo tenant, seeded into the empty store");
    String token = BootstrapTestData.delegatedToken(first.signingKeys().orElseThrow(), ADELE_UPN);
    assertThat(retire(first, token)).isEqualTo(204);
    first.instance(EmulatorClockUseCase.class).advanceClock(Duration.ofHours(3));
    Optional<Instant> nextCheckIn = first.instance(CheckIns.class).nextCheckIn();
    first.stop();

    DeviceManagementServer second =
        start(settings(ClockSetting.virtualResuming(START.plus(Duration.ofDays(100)))));

    assertThat(StartupBanner.render(second, second.settings(), "dm"))
        .contains("the tenant kept in the store")
        .contains("virtual, resumed from the store at 2026-01-01T03:00:00Z");
    assertThat(second.instance(EmulatorClockUseCase.class).readClock().now())
        .isEqualTo(START.plus(Duration.ofHours(3)));
    assertThat(second.instance(CheckIns.class).nextCheckIn()).isEqualTo(nextCheckIn);
    assertThat(states(second, token))
        .containsExactlyInAnyOrder(
            "retirePending", "retirePending", "retirePending", "retirePending", "wipePending");
    List<AuditEvent> events = events(second);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).activityResult()).isEqualTo(AuditEvents.SUCCESS);
    assertThat(events.get(0).resources()).hasSize(4);

    // The schedule planned at the first start, not at this one: the retires complete at 8 h.
    second.instance(EmulatorClockUseCase.class).advanceClock(Duration.ofHours(5));
    assertThat(states(second, token)).containsExactly("wipePending");
    List<String> completed = new ArrayList<>();
    events(second).stream()
        .filter(e -> e.activityType().equals(AuditEvents.RETIRE_COMPLETED_ACTIVITY_TYPE))
        .forEach(e -> e.resources().forEach(r -> completed.add(r.resourceId())));
    assertThat(completed)
        .containsAll(events.get(0).resources().stream().map(r -> r.resourceId()).toList());
    second.stop();

    DeviceManagementServer third =
        start(settings(ClockSetting.virtual(START.plus(Duration.ofDays(2)))));
    assertThat(third.instance(EmulatorClockUseCase.class).readClock().now())
        .as("an explicit instant wins over the saved one")
        .isEqualTo(START.plus(Duration.ofDays(2)));
    assertThat(states(third, token)).containsExactly("wipePending");
  }

  @Test
  void givenStoreHoldingATenant_whenStartedWithATenantFile_thenRefusedUnlessReplaceIsAsked()
      throws Exception {
    start(settings(ClockSetting.system())).stop();
    Path file = Files.writeString(dir.resolve("tenant.json"), BootstrapTestData.TENANT_FILE_JSON);
    ServerSettings withFile = settings(ClockSetting.system()).withTenant(TenantSource.file(file));

    assertThatThrownBy(() -> start(withFile))
        .isInstanceOf(StoreSeedingException.class)
        .hasMessageContaining("already holds a tenant")
        .hasMessageContaining("--replace-tenant");

    DeviceManagementServer replaced =
        start(
            withFile.withStore(
                StoreChoice.durable(StoreSettings.Sqlite.at(dir.resolve("dm.db")), true)));
    assertThat(replaced.tenant().orElseThrow().userCount()).isEqualTo(1);
    assertThat(replaced.tenant().orElseThrow().description()).contains("replacing");
    replaced.stop();

    DeviceManagementServer kept = start(settings(ClockSetting.system()));
    assertThat(kept.tenant().orElseThrow().userCount())
        .as("started without --tenant: the file's tenant the store now holds")
        .isEqualTo(1);
  }

  @Test
  void givenGatewayWithSqliteStore_whenStarted_thenItsAuditTrailIsTheStoresAndNoTenantIsSeeded() {
    ServerSettings gateway =
        settings(ClockSetting.system())
            .withGateway(GatewaySettings.defaults(URI.create("https://graph.microsoft.com/v1.0")));

    DeviceManagementServer server = start(gateway);

    assertThat(server.store()).isPresent();
    assertThat(server.instance(AuditTrail.class)).isSameAs(server.store().orElseThrow().tenant());
    assertThat(
            StartupBanner.renderGateway(
                server,
                gateway,
                GatewaySettings.defaults(URI.create("https://graph.microsoft.com/v1.0"))))
        .contains("Audit trail:    kept in the store sqlite " + dir.resolve("dm.db"));
    server.stop();
    try (JdbcStore store = JdbcStore.open(StoreSettings.Sqlite.at(dir.resolve("dm.db")))) {
      assertThat(store.holdsTenant()).as("the gateway never seeds a tenant").isFalse();
    }
  }

  private ServerSettings settings(ClockSetting clock) {
    return BootstrapTestData.settings(dir.resolve("data"))
        .withClock(clock)
        .withStore(StoreChoice.durable(StoreSettings.Sqlite.at(dir.resolve("dm.db")), false));
  }

  private DeviceManagementServer start(ServerSettings settings) {
    DeviceManagementServer server = DeviceManagementServer.start(settings);
    servers.add(server);
    return server;
  }

  private static int retire(DeviceManagementServer server, String token) {
    return BootstrapTestData.send(
            BootstrapTestData.post(
                graph(server), "users/" + ADELE_UPN + "/removeAllDevicesFromManagement", token))
        .statusCode();
  }

  private static List<String> states(DeviceManagementServer server, String token) {
    JsonNode devices =
        BootstrapTestData.json(
            BootstrapTestData.send(
                    BootstrapTestData.get(
                        graph(server), "users/" + ADELE_UPN + "/managedDevices", token))
                .body());
    List<String> states = new ArrayList<>();
    devices.path("value").forEach(d -> states.add(d.path("managementState").asText()));
    return states;
  }

  private static List<AuditEvent> events(DeviceManagementServer server) {
    return server
        .instance(AuditTrail.class)
        .searchEvents(AuditQuery.ALL, 100, Optional.empty())
        .events();
  }

  private static URI graph(DeviceManagementServer server) {
    return server.baseUri().resolve("v1.0/");
  }
}
