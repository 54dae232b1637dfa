package org.devicemanagement.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.devicemanagement.application.port.in.ListManagedDevicesQuery;
import org.devicemanagement.application.port.in.RemoveAllDevicesFromManagementCommand;
import org.devicemanagement.application.port.in.UserReference;
import org.devicemanagement.application.query.DeviceFilterSyntax;
import org.devicemanagement.application.query.DeviceQuery;
import org.devicemanagement.application.service.ListManagedDevicesService;
import org.devicemanagement.application.service.RemoveAllDevicesFromManagementService;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * The scale probe: builds in-memory tenants of 1,000 and of 1,000,000 devices (10 per user),
 * reports load time and heap per stored device, then times retire-all, the list of one user, and
 * the tenant's list filtered to that user ({@code userId eq}, {@code userPrincipalName eq}) in
 * both, alternating the tenants round by round.
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks.jar org.devicemanagement.benchmarks.ScaleProbe
 * [LARGE_USERS]} (default 100000 users, so 1,000,000 devices).
 */
public final class ScaleProbe {

  private static final int DEVICES_PER_USER = 10;
  private static final int ROUNDS = 7;
  private static final int CALLS_PER_ROUND = 200_000;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private ScaleProbe() {}

  /** Runs the probe and prints a report. */
  public static void main(String[] args) throws InterruptedException {
    int largeUsers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.printf(
        "java %s, %d cpus, max heap %d MB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    Loaded small = load(100);
    Loaded large = load(largeUsers);

    Target smallTarget = new Target(small.tenant, small.users / 2);
    Target largeTarget = new Target(large.tenant, large.users / 2);
    // Warm both code paths on both tenants before counting.
    for (int i = 0; i < 3; i++) {
      smallTarget.time(CALLS_PER_ROUND);
      largeTarget.time(CALLS_PER_ROUND);
    }
    List<double[]> smallRounds = new ArrayList<>();
    List<double[]> largeRounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      smallRounds.add(smallTarget.time(CALLS_PER_ROUND));
      largeRounds.add(largeTarget.time(CALLS_PER_ROUND));
    }
    for (int round = 0; round < ROUNDS; round++) {
      System.out.printf(
          "round %d: retire-all %.0f / %.0f ns/op, list %.0f / %.0f ns/op, tenant list with"
              + " userId eq %.0f / %.0f ns/op, with userPrincipalName eq %.0f / %.0f ns/op"
              + " (small / large tenant)%n",
          round + 1,
          smallRounds.get(round)[0],
          largeRounds.get(round)[0],
          smallRounds.get(round)[1],
          largeRounds.get(round)[1],
          smallRounds.get(round)[2],
          largeRounds.get(round)[2],
          smallRounds.get(round)[3],
          largeRounds.get(round)[3]);
    }
    double smallRetire = median(smallRounds, 0);
    double largeRetire = median(largeRounds, 0);
    double smallList = median(smallRounds, 1);
    double largeList = median(largeRounds, 1);
    System.out.printf(
        "retire-all, one user of 10 devices: %,d-device tenant %.0f ns/op, %,d-device tenant %.0f"
            + " ns/op, ratio %.2f%n",
        small.devices, smallRetire, large.devices, largeRetire, largeRetire / smallRetire);
    System.out.printf(
        "list (first page), one user of 10 devices: %,d-device tenant %.0f ns/op, %,d-device"
            + " tenant %.0f ns/op, ratio %.2f%n",
        small.devices, smallList, large.devices, largeList, largeList / smallList);
    for (int column = 2; column <= 3; column++) {
      double smallFiltered = median(smallRounds, column);
      double largeFiltered = median(largeRounds, column);
      System.out.printf(
          "tenant list filtered by %s, one user of 10 devices: %,d-device tenant %.0f ns/op,"
              + " %,d-device tenant %.0f ns/op, ratio %.2f%n",
          column == 2 ? "userId eq" : "userPrincipalName eq",
          small.devices,
          smallFiltered,
          large.devices,
          largeFiltered,
          largeFiltered / smallFiltered);
    }
    // Keep both tenants reachable until here, so the heap figures above hold.
    System.out.println("(" + small.tenant + ", " + large.tenant + ")");
  }

  private static Loaded load(int users) throws InterruptedException {
    long before = usedHeapAfterGc();
    long[] nanos = new long[2];
    InMemoryTenant tenant = build(users, nanos);
    long after = usedHeapAfterGc();
    int count = tenant.deviceCount();
    System.out.printf(
        "tenant of %,d users / %,d devices: generated in %d ms, loaded (indexed) in %d ms;"
            + " heap %d MB -> %d MB, %.0f bytes per stored device (users and indexes included)%n",
        users,
        count,
        nanos[0] / 1_000_000,
        nanos[1] / 1_000_000,
        before >> 20,
        after >> 20,
        (after - before) / (double) count);
    return new Loaded(tenant, users, count);
  }

  /** Generates and indexes a tenant; the generated lists are garbage once this returns. */
  private static InMemoryTenant build(int users, long[] nanos) {
    long start = System.nanoTime();
    List<User> all = BenchData.users(users);
    List<ManagedDevice> devices = BenchData.devices(all, DEVICES_PER_USER);
    long generated = System.nanoTime();
    InMemoryTenant tenant = InMemoryTenant.of(all, devices);
    nanos[0] = generated - start;
    nanos[1] = System.nanoTime() - generated;
    return tenant;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static double median(List<double[]> rounds, int column) {
    double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private record Loaded(InMemoryTenant tenant, int users, int devices) {}

  /** Retire-all and the list for one user of a tenant, through the application services. */
  private static final class Target {
    private final RemoveAllDevicesFromManagementService retireAll;
    private final ListManagedDevicesService list;
    private final RemoveAllDevicesFromManagementCommand command;
    private final ListManagedDevicesQuery query;
    private final ListManagedDevicesQuery byUserId;
    private final ListManagedDevicesQuery byUserPrincipalName;
    private long sink;

    Target(InMemoryTenant tenant, int userIndex) {
      PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());
      retireAll =
          new RemoveAllDevicesFromManagementService(policy, tenant, tenant, Clock.systemUTC());
      list = new ListManagedDevicesService(policy, tenant, tenant, tenant);
      User user = BenchData.user(userIndex);
      command =
          new RemoveAllDevicesFromManagementCommand(
              BenchData.delegatedCaller(user), new UserReference.ById(user.id()));
      query =
          new ListManagedDevicesQuery(
              BenchData.delegatedCaller(user),
              Optional.of(new UserReference.ById(user.id())),
              DeviceQuery.ALL,
              100,
              Optional.empty());
      byUserId = tenantListing(user, "userId eq '%s'".formatted(user.id()));
      byUserPrincipalName =
          tenantListing(user, "userPrincipalName eq '%s'".formatted(user.userPrincipalName()));
    }

    /**
     * The tenant's devices matching {@code filter} (parsed as a request's would be), 100 a page.
     */
    private static ListManagedDevicesQuery tenantListing(User caller, String filter) {
      return new ListManagedDevicesQuery(
          BenchData.delegatedCaller(caller),
          Optional.empty(),
          new DeviceQuery(Optional.of(DeviceFilterSyntax.parse(filter)), List.of(), false),
          100,
          Optional.empty());
    }

    /** Nanoseconds per retire-all and per list call, over {@code calls} calls each. */
    double[] time(int calls) {
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += retireAll.removeAllDevicesFromManagement(command).transitions().size();
      }
      long middle = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += list.listManagedDevices(query).devices().size();
      }
      long end = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += list.listManagedDevices(byUserId).devices().size();
      }
      long filteredById = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        sink += list.listManagedDevices(byUserPrincipalName).devices().size();
      }
      long filteredByName = System.nanoTime();
      if (sink == 42) {
        System.out.println(Arrays.toString(new long[] {sink}));
      }
      return new double[] {
        (middle - start) / (double) calls,
        (end - middle) / (double) calls,
        (filteredById - end) / (double) calls,
        (filteredByName - filteredById) / (double) calls
      };
    }
  }
}
