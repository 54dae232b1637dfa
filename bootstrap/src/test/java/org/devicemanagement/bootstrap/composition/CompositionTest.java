package org.devicemanagement.bootstrap.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.util.Modules;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.graph.GraphUsersOrStandIns;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.adapters.rest.auth.UnverifiedClaimsVerifier;
import org.devicemanagement.application.fake.FakeBulkRetirement;
import org.devicemanagement.application.fake.FakeOffboardingRuns;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.BulkRetirement;
import org.devicemanagement.application.port.out.CheckIns;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.OffboardingRuns;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.application.port.out.TenantFileFormat;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.application.service.OffboardingService;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.gateway.InboundTokens;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the composition root builds for each backend, and what it loads to build it. */
class CompositionTest {

  @TempDir Path dataDir;

  @Test
  void givenEmulatorModules_whenInjectorBuilt_thenEveryPortIsTheTenantAndNothingIsWritten()
      throws Exception {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();
    SigningKeys keys = SigningKeys.loadOrCreate(dataDir);
    Path other = Files.createDirectory(dataDir.resolve("untouched"));

    Injector injector =
        Guice.createInjector(
            new ApplicationModule(PermissionCatalog.named("current")),
            new RestModule(),
            new EmulatorModule(ServedTenant.inMemory(tenant, "test"), keys.publicKeys()));

    assertThat(injector.getInstance(UserDirectory.class)).isSameAs(tenant);
    assertThat(injector.getInstance(Key.get(UserDirectory.class, ForDeviceOperations.class)))
        .isSameAs(tenant);
    assertThat(injector.getInstance(UserDeviceListing.class)).isSameAs(tenant);
    assertThat(injector.getInstance(ManagedDeviceLookup.class)).isSameAs(tenant);
    assertThat(injector.getInstance(DeviceRetirement.class)).isSameAs(tenant);
    assertThat(injector.getInstance(PermissionPolicy.class).catalog().name()).isEqualTo("current");
    assertThat(injector.getInstance(AccessTokenVerifier.class)).isNotNull();
    for (Class<?> resource : GraphRestApi.resourceClasses()) {
      assertThat(injector.getInstance(resource)).isInstanceOf(resource);
    }
    try (var files = Files.list(other)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void givenClockOverride_whenRetireAll_thenActionIsDatedByTheOverridingClock() {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();
    Instant fixed = Instant.parse("2030-01-02T03:04:05Z");
    Injector injector =
        Guice.createInjector(
            Modules.override(
                    new ApplicationModule(PermissionCatalog.seed()),
                    new EmulatorModule(
                        ServedTenant.inMemory(tenant, "test"),
                        SigningKeys.loadOrCreate(dataDir).publicKeys()))
                .with(
                    binder ->
                        binder.bind(Clock.class).toInstance(Clock.fixed(fixed, ZoneOffset.UTC))));

    injector
        .getInstance(RemoveAllDevicesFromManagementUseCase.class)
        .removeAllDevicesFromManagement(
            new RemoveAllDevicesFromManagementCommand(
                Caller.delegated(
                    "tenant",
                    Optional.of(BootstrapTestData.KATIE.id()),
                    Optional.empty(),
                    Set.of(BootstrapTestData.PRIVILEGED)),
                new UserReference.ById(BootstrapTestData.KATIE.id())));

    assertThat(tenant.listByUser(BootstrapTestData.KATIE))
        .allSatisfy(
            device -> {
              assertThat(device.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
              assertThat(device.deviceActionResults())
                  .anySatisfy(result -> assertThat(result.startDateTime()).isEqualTo(fixed));
            });
  }

  @Test
  void givenEmulatorSettings_whenComposed_thenTenantAndSigningKeyLoaded() {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();

    Composition.Composed composed =
        Composition.of(BootstrapTestData.settings(dataDir, tenant)).compose();

    assertThat(composed.tenant().orElseThrow().adapter()).isSameAs(tenant);
    assertThat(composed.store()).isEmpty();
    assertThat(composed.signingKeys()).isPresent();
    assertThat(dataDir.resolve(SigningKeys.FILE_NAME)).exists();
    assertThat(composed.injector().getExistingBinding(Key.get(InboundTokens.class))).isNull();
  }

  @Test
  void givenGatewaySettings_whenComposed_thenNoTenantNoSigningKeyAndGraphBehindThePorts()
      throws Exception {
    GatewaySettings gateway =
        GatewaySettings.defaults(URI.create("https://graph.microsoft.com/v1.0"));

    Composition composition =
        Composition.of(BootstrapTestData.settings(dataDir).withGateway(gateway));
    Composition.Composed composed = composition.compose();

    assertThat(composed.tenant()).isEmpty();
    assertThat(composed.signingKeys()).isEmpty();
    try (var files = Files.list(dataDir)) {
      assertThat(files).as("nothing written to the data directory").isEmpty();
    }
    Injector injector = composed.injector();
    assertThat(injector.getInstance(Key.get(UserDirectory.class, ForDeviceOperations.class)))
        .isInstanceOf(GraphUsersOrStandIns.class);
    assertThat(injector.getInstance(UserDirectory.class))
        .isNotInstanceOf(GraphUsersOrStandIns.class);
    assertThat(injector.getInstance(AccessTokenVerifier.class).toString())
        .contains(UnverifiedClaimsVerifier.class.getSimpleName());
    assertThat(composition.jerseyProviders()).hasSize(1);
  }

  /**
   * The outbound ports only the emulator has: its lifecycle and the control API's tenant, which the
   * gateway never serves (a real tenant changes in Entra and Intune, its devices check in by
   * themselves).
   */
  private static final Set<Class<?>> EMULATOR_ONLY_PORTS =
      Set.of(CheckIns.class, TenantAdministration.class, TenantFileFormat.class);

  /** The ports of the offboard command, bound by its own module rather than the server's. */
  private static final Set<Class<?>> OFFBOARD_ONLY_PORTS =
      Set.of(BulkRetirement.class, OffboardingRuns.class);

  @Test
  void givenEitherBackend_whenComposed_thenEveryOutboundPortOfTheApplicationIsBound()
      throws Exception {
    List<Class<?>> ports =
        new ClassFileImporter()
            .importPackages(UserDirectory.class.getPackageName()).stream()
                .filter(JavaClass::isInterface)
                .filter(type -> type.getPackageName().equals(UserDirectory.class.getPackageName()))
                .<Class<?>>map(JavaClass::reflect)
                // The ports themselves, not the contract tests of the application's test-jar.
                .filter(type -> sameJar(type, UserDirectory.class))
                .toList();
    Injector emulator = Composition.of(BootstrapTestData.settings(dataDir)).compose().injector();
    Injector gateway =
        Composition.of(
                BootstrapTestData.settings(dataDir)
                    .withGateway(
                        GatewaySettings.defaults(URI.create("https://graph.microsoft.com/v1.0"))))
            .compose()
            .injector();

    assertThat(ports).contains(UserDirectory.class, DeviceRetirement.class);
    assertThat(ports).containsAll(EMULATOR_ONLY_PORTS).containsAll(OFFBOARD_ONLY_PORTS);
    Injector offboard =
        Guice.createInjector(
            new OffboardModule(
                new FakeBulkRetirement(Clock.systemUTC()),
                new FakeOffboardingRuns(),
                IntuneLimits.PUBLISHED));
    for (Class<?> port : OFFBOARD_ONLY_PORTS) {
      assertThat(offboard.getExistingBinding(Key.get(port))).as("offboard: %s", port).isNotNull();
      assertThat(emulator.getExistingBinding(Key.get(port))).as("emulator: %s", port).isNull();
    }
    assertThat(offboard.getInstance(OffboardingService.class)).isNotNull();
    for (Class<?> port : ports) {
      if (OFFBOARD_ONLY_PORTS.contains(port)) {
        continue;
      }
      assertThat(emulator.getExistingBinding(Key.get(port))).as("emulator: %s", port).isNotNull();
      if (EMULATOR_ONLY_PORTS.contains(port)) {
        assertThat(gateway.getExistingBinding(Key.get(port))).as("gateway: %s", port).isNull();
      } else {
        assertThat(gateway.getExistingBinding(Key.get(port))).as("gateway: %s", port).isNotNull();
      }
    }
  }

  private static boolean sameJar(Class<?> one, Class<?> other) {
    return one.getProtectionDomain()
        .getCodeSource()
        .getLocation()
        .equals(other.getProtectionDomain().getCodeSource().getLocation());
  }

  @Test
  void givenInboundTokensBoundByAnOverride_whenComposed_thenRefusedRatherThanLeakTokens() {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Composition.of(
                        BootstrapTestData.settings(dataDir, tenant),
                        binder -> binder.bind(InboundTokens.class).toInstance(new InboundTokens()))
                    .compose())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("InboundTokens");
  }
}
