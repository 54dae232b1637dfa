package org.devicemanagement.bootstrap.composition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.JdbcTenant;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDirectory;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The tenant the emulator serves, whichever adapter holds it (the in-memory tenant or a durable
 * store's): the adapter bound to every outbound port, what the banner and tests read of it (users,
 * their devices, counts), how it came to be served, and the store to close when the server stops.
 */
public final class ServedTenant implements UserDirectory, UserDeviceListing, ManagedDeviceLookup {

  private final Object adapter;
  private final UserDirectory directory;
  private final UserDeviceListing listing;
  private final Supplier<List<User>> users;
  private final IntSupplier deviceCount;
  private final String description;
  private final Optional<JdbcStore> store;

  private ServedTenant(
      Object adapter,
      Supplier<List<User>> users,
      IntSupplier deviceCount,
      String description,
      Optional<JdbcStore> store) {
    this.adapter = adapter;
    this.directory = (UserDirectory) adapter;
    this.listing = (UserDeviceListing) adapter;
    this.users = users;
    this.deviceCount = deviceCount;
    this.description = Objects.requireNonNull(description, "description");
    this.store = store;
  }

  /** {@code tenant}, in memory, described as {@code description}. */
  public static ServedTenant inMemory(InMemoryTenant tenant, String description) {
    Objects.requireNonNull(tenant, "tenant");
    return new ServedTenant(
        tenant, tenant::users, tenant::deviceCount, description, Optional.empty());
  }

  /** The tenant {@code store} holds, described as {@code description}; closed with the store. */
  public static ServedTenant stored(JdbcStore store, String description) {
    Objects.requireNonNull(store, "store");
    JdbcTenant tenant = store.tenant();
    return new ServedTenant(
        tenant, tenant::users, tenant::deviceCount, description, Optional.of(store));
  }

  /** The adapter serving every outbound port ({@link OutboundPorts#bind}). */
  public Object adapter() {
    return adapter;
  }

  /**
   * The adapter as the outbound port {@code port}.
   *
   * @throws ClassCastException if the adapter does not implement it
   */
  public <T> T port(Class<T> port) {
    return port.cast(adapter);
  }

  /** The durable store holding the tenant; empty in memory. */
  public Optional<JdbcStore> store() {
    return store;
  }

  /** How the tenant came to be served, such as {@code the embedded demo tenant}. */
  public String description() {
    return description;
  }

  /** The users, in the order they were added. */
  public List<User> users() {
    return users.get();
  }

  /** How many users the tenant holds. */
  public int userCount() {
    return users().size();
  }

  /** How many devices the tenant holds. */
  public int deviceCount() {
    return deviceCount.getAsInt();
  }

  @Override
  public Optional<User> findById(String id) {
    return directory.findById(id);
  }

  @Override
  public Optional<User> findByUserPrincipalName(String userPrincipalName) {
    return directory.findByUserPrincipalName(userPrincipalName);
  }

  @Override
  public List<ManagedDevice> listByUser(User user) {
    return listing.listByUser(user);
  }

  @Override
  public Optional<ManagedDevice> findDeviceById(String deviceId) {
    return port(ManagedDeviceLookup.class).findDeviceById(deviceId);
  }

  @Override
  public String toString() {
    return "ServedTenant[" + adapter + "]";
  }
}
