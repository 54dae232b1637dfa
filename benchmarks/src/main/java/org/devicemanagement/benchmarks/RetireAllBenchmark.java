package org.devicemanagement.benchmarks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.query.DevicePage;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.application.service.ListManagedDevicesService;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.RetireAllOutcome;
import org.devicemanagement.domain.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retire-all (and the first page of the list) for one user owning {@code devices} devices, through
 * the application service over the in-memory adapter. After the first call every device is already
 * retiring, so each call does the full check of every device (the action is idempotent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RetireAllBenchmark {

  @Param({"10", "1000", "100000"})
  public int devices;

  private RemoveAllDevicesFromManagementService retireAll;
  private ListManagedDevicesService list;
  private RemoveAllDevicesFromManagementCommand command;
  private ListManagedDevicesQuery firstPage;

  /** Builds a tenant of one user with {@link #devices} devices and one more user with 10. */
  @Setup(Level.Trial)
  public void setUp() {
    User owner = BenchData.user(0);
    User other = BenchData.user(1);
    InMemoryTenant tenant =
        InMemoryTenant.of(
            List.of(owner, other), concat(BenchData.devices(List.of(owner), devices), other));
    PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());
    retireAll =
        new RemoveAllDevicesFromManagementService(policy, tenant, tenant, Clock.systemUTC());
    list = new ListManagedDevicesService(policy, tenant, tenant, tenant);
    command =
        new RemoveAllDevicesFromManagementCommand(
            BenchData.delegatedCaller(owner), new UserReference.ById(owner.id()));
    firstPage =
        new ListManagedDevicesQuery(
            BenchData.delegatedCaller(owner),
            Optional.of(new UserReference.ById(owner.id())),
            DeviceQuery.ALL,
            100,
            Optional.empty());
  }

  private static List<ManagedDevice> concat(List<ManagedDevice> devices, User other) {
    List<ManagedDevice> all = new ArrayList<>(devices);
    for (int i = 0; i < 10; i++) {
      all.add(BenchData.device(other, 10_000_000L + i));
    }
    return all;
  }

  /** Retire-all for the user. */
  @Benchmark
  public RetireAllOutcome retireAll() {
    return retireAll.removeAllDevicesFromManagement(command);
  }

  /** The first page (100) of the user's devices. */
  @Benchmark
  public DevicePage listFirstPage() {
    return list.listManagedDevices(firstPage);
  }
}
