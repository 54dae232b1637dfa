package org.devicemanagement.adapters.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.application.port.out.DeviceRetirementContract;
import org.devicemanagement.application.port.out.ManagedDeviceLookup;
import org.devicemanagement.application.port.out.ManagedDeviceLookupContract;
import org.devicemanagement.application.port.out.ManagedDeviceSearch;
import org.devicemanagement.application.port.out.ManagedDeviceSearchContract;
import org.devicemanagement.application.port.out.UserDeviceListing;
import org.devicemanagement.application.port.out.UserDeviceListingContract;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;
import org.junit.jupiter.api.AfterEach;

/**
 * The contracts of the device ports run through {@link GraphManagedDevices} against a seeded
 * Graph-compatible server. Subclasses say which server: {@link #seed} starts it.
 *
 * <p>Two allowances, both true of real Graph: the server dates retire actions by its own clock
 * ({@link #dateTolerance()}), and {@code retireAll} is a listing followed by Graph's one user-level
 * action, so concurrent callers each predict the same transitions ({@link #retireAllIsAtomic()}).
 */
public abstract class GraphManagedDevicesContract
    implements UserDeviceListingContract,
        ManagedDeviceLookupContract,
        ManagedDeviceSearchContract,
        DeviceRetirementContract {

  private final List<SeededGraph> started = new ArrayList<>();

  /** Starts a Graph-compatible server holding exactly {@code users} and {@code devices}. */
  protected abstract SeededGraph seed(List<User> users, List<ManagedDevice> devices);

  /** The adapter's settings against {@code baseUrl}; short timeouts, as the server is local. */
  protected GraphSettings settings(URI baseUrl) {
    return GraphSettings.defaults(baseUrl)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
        .withUserAgent("device-management-contract-tests");
  }

  private GraphManagedDevices devicesWith(List<User> users, List<ManagedDevice> devices) {
    SeededGraph graph = seed(users, devices);
    started.add(graph);
    return GraphTenant.connect(
            settings(graph.baseUrl()), new FixedGraphCredentials(graph.bearerToken()))
        .devices();
  }

  @Override
  public final UserDeviceListing listingWith(List<User> users, List<ManagedDevice> devices) {
    return devicesWith(users, devices);
  }

  @Override
  public final ManagedDeviceLookup lookupWith(List<User> users, List<ManagedDevice> devices) {
    return devicesWith(users, devices);
  }

  @Override
  public final ManagedDeviceSearch searchWith(List<User> users, List<ManagedDevice> devices) {
    return devicesWith(users, devices);
  }

  @Override
  public final Retiring retirementWith(List<User> users, List<ManagedDevice> devices) {
    return Retiring.of(devicesWith(users, devices));
  }

  /** The server, not the adapter, dates the retire action, by its own clock. */
  @Override
  public Duration dateTolerance() {
    return Duration.ofSeconds(5);
  }

  /**
   * Graph retires atomically, but the adapter's outcome is predicted from a listing taken before
   * the action, so concurrent callers for one user all report the same transitions.
   */
  @Override
  public boolean retireAllIsAtomic() {
    return false;
  }

  /** Stops every server this test started. */
  @AfterEach
  protected final void stopSeededGraphs() {
    started.forEach(SeededGraph::close);
    started.clear();
  }
}
