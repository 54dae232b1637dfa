package org.devicemanagement.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.devicemanagement.application.port.in.CheckInDeviceUseCase;
import org.devicemanagement.application.port.in.EmulatorClockUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.config.TenantSource;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit Jupiter extension that runs the Graph emulator in-process, on a free loopback port, for
 * the tests of a class: register it with {@code @RegisterExtension} on a static field (one server
 * for the class) or an instance field (one per test).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GraphEmulator graph =
 *     GraphEmulator.with(TestTenant.builder().user("adele@contoso.com")
 *         .device("adele@contoso.com", "ADELE-LAPTOP").build());
 * }</pre>
 *
 * <p>Every test starts from the tenant the extension was given (and a virtual clock from its
 * start), unless {@link #keepingStateBetweenTests()} says otherwise. The extension's data directory
 * (the signing key) lives in a temporary directory deleted when the class is done.
 */
public final class GraphEmulator
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final TestTenant tenant;
  private final String permissions;
  private final boolean keepState;
  private final ClockSetting clock;
  private @Nullable Path dataDir;
  private @Nullable DeviceManagementServer server;
  private @Nullable EmulatorTokens tokens;
  private boolean perClass;
  private boolean dirty;

  private GraphEmulator(
      TestTenant tenant, String permissions, boolean keepState, ClockSetting clock) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.permissions = Objects.requireNonNull(permissions, "permissions");
    this.keepState = keepState;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An emulator serving {@code tenant}, under Graph's current permission tables. */
  public static GraphEmulator with(TestTenant tenant) {
    return new GraphEmulator(tenant, "current", false, ClockSetting.system());
  }

  /** An emulator serving the bundled demo tenant (the one {@code serve} starts with). */
  public static GraphEmulator withDemoTenant() {
    return with(TestTenant.demo());
  }

  /**
   * The same emulator under the permission tables {@code catalog} names: {@code current} (the
   * default here: applications may retire) or {@code seed} (the action's original page: delegated
   * callers only; {@code serve}'s default).
   */
  public GraphEmulator withPermissions(String catalog) {
    return new GraphEmulator(tenant, catalog, keepState, clock);
  }

  /** The same emulator, whose state carries over from one test to the next. */
  public GraphEmulator keepingStateBetweenTests() {
    return new GraphEmulator(tenant, permissions, true, clock);
  }

  /**
   * The same emulator on a virtual clock standing at {@code start}: it moves only when a test
   * advances it ({@link #clock()}), running the devices' check-ins as they fall due, and is back at
   * {@code start} when the next test begins.
   */
  public GraphEmulator withVirtualClock(Instant start) {
    return new GraphEmulator(tenant, permissions, keepState, ClockSetting.virtual(start));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (server == null) {
      start();
    } else if (dirty && !keepState) {
      // Back to the tenant as given, a virtual clock to its start, no journal, faults or limits'
      // counts: the control API's reset, much faster than a restart.
      control().post("reset", control().json().createObjectNode(), 200);
    }
    dirty = true;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** The emulator's Graph v1.0 base URL, as the SDK's request adapter takes it. */
  public URI baseUrl() {
    return server().baseUri().resolve("v1.0");
  }

  /**
   * The server's root URL ({@code http://localhost:PORT/}), under which {@code beta} answers too.
   */
  public URI serverUrl() {
    return server().baseUri();
  }

  /** Tokens the emulator accepts, for any caller. */
  public EmulatorTokens tokens() {
    server();
    return Objects.requireNonNull(tokens, "tokens");
  }

  /**
   * The devices of the user {@code idOrUserPrincipalName} as the tenant holds them now, ordered by
   * id.
   */
  public List<ManagedDevice> devicesOf(String idOrUserPrincipalName) {
    ServedTenant now = server().tenant().orElseThrow();
    UserReference reference = UserReference.parse(idOrUserPrincipalName);
    User user =
        (reference instanceof UserReference.ById byId
                ? now.findById(byId.id())
                : now.findByUserPrincipalName(reference.text()))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the emulator's tenant has no user '%s'".formatted(idOrUserPrincipalName)));
    return now.listByUser(user);
  }

  /** The emulator's clock: its time, and moving a virtual one. */
  public EmulatorClock clock() {
    DeviceManagementServer running = server();
    return new EmulatorClock(
        running.instance(EmulatorClockUseCase.class), running.instance(CheckInDeviceUseCase.class));
  }

  /** The faults set on the emulator: matching Graph requests get their answer instead. */
  public EmulatorFaults faults() {
    return new EmulatorFaults(control());
  }

  /** The requests the emulator answered, with checks in the spirit of WireMock's verify. */
  public EmulatorJournal journal() {
    return new EmulatorJournal(control());
  }

  private ControlClient control() {
    return new ControlClient(server().baseUri());
  }

  /** The running server, for what this class does not offer. */
  public DeviceManagementServer server() {
    DeviceManagementServer running = server;
    if (running == null) {
      throw new IllegalStateException(
          "the emulator is not running: register GraphEmulator with @RegisterExtension");
    }
    return running;
  }

  private void start() {
    try {
      dataDir = Files.createTempDirectory("graph-emulator");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the emulator's data directory", e);
    }
    launch();
  }

  private void launch() {
    DeviceManagementServer started =
        DeviceManagementServer.start(
            ServerSettings.defaults(Objects.requireNonNull(dataDir))
                .withHost("localhost")
                .withPort(0)
                .withPermissions(permissions)
                .withShutdownGrace(Duration.ofSeconds(1))
                .withTenant(TenantSource.given(tenant.create()))
                .withClock(clock));
    server = started;
    tokens = EmulatorTokens.signingWith(started.signingKeys().orElseThrow().privateKey());
  }

  private void stop() {
    DeviceManagementServer running = server;
    server = null;
    if (running != null) {
      running.stop();
    }
    Path dir = dataDir;
    dataDir = null;
    if (dir != null) {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
