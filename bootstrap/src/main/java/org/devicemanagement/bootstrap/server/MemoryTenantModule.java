package org.devicemanagement.bootstrap.server;

import com.google.inject.AbstractModule;
import java.util.Objects;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.port.out.ManagedDevices;
import org.devicemanagement.application.port.out.UserDirectory;

/**
 * Binds both outbound ports to the two views of one in-memory tenant, loaded beforehand (the module
 * does no I/O), so users and devices stay consistent.
 */
public final class MemoryTenantModule extends AbstractModule {

  private final InMemoryTenant tenant;

  /** A module serving {@code tenant}. */
  public MemoryTenantModule(InMemoryTenant tenant) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
  }

  @Override
  protected void configure() {
    bind(InMemoryTenant.class).toInstance(tenant);
    bind(UserDirectory.class).toInstance(tenant.userDirectory());
    bind(ManagedDevices.class).toInstance(tenant.managedDevices());
  }
}
