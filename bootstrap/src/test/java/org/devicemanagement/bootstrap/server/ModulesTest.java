package org.devicemanagement.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.adapters.rest.GraphRestApi;
import org.devicemanagement.adapters.rest.auth.AccessTokenVerifier;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementUseCase;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.port.out.ManagedDevices;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.bootstrap.BootstrapTestData;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.domain.ManagementState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulesTest {

  @TempDir Path dataDir;

  @Test
  void givenModules_whenInjectorBuilt_thenPortsAreTheTenantsViewsAndNothingIsWritten()
      throws Exception {
    InMemoryTenant tenant = BootstrapTestData.builtTenant();
    SigningKeys keys = SigningKeys.loadOrCreate(dataDir);
    Path other = Files.createDirectory(dataDir.resolve("untouched"));

    Injector injector =
        Guice.createInjector(
            DeviceManagementServer.modules(
                BootstrapTestData.settings(other).withPermissions("current"), tenant, keys));

    assertThat(injector.getInstance(UserDirectory.class)).isSameAs(tenant.userDirectory());
    assertThat(injector.getInstance(ManagedDevices.class)).isSameAs(tenant.managedDevices());
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
                    new MemoryTenantModule(tenant))
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

    assertThat(tenant.managedDevices().listByUser(BootstrapTestData.KATIE))
        .allSatisfy(
            device -> {
              assertThat(device.managementState()).isEqualTo(ManagementState.RETIRE_PENDING);
              assertThat(device.deviceActionResults())
                  .anySatisfy(result -> assertThat(result.startDateTime()).isEqualTo(fixed));
            });
  }
}
