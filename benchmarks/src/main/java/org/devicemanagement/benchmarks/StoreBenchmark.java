package org.devicemanagement.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.adapters.memory.InMemoryTenant;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.RetireAllAudit;
import org.devicemanagement.application.port.out.DeviceRetirement;
import org.devicemanagement.application.port.out.TenantAdministration;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.User;

/**
 * Retire-all throughput and latency on one store (memory, SQLite with {@code synchronous} FULL or
 * NORMAL, PostgreSQL), through the store's adapter and beside a hand-written JDBC transaction doing
 * the same writes on the same engine and schema (the engine's ceiling): lock and read the user's
 * devices, update the two that change, insert the audit event, commit. Rounds alternate the two and
 * each round retires fresh users (the tenant is put back between rounds, outside the timing).
 *
 * <p>Usage: {@code java -cp ... StoreBenchmark ENGINE [USERS] [THREADS] [ROUND_SECONDS] [ROUNDS]
 * [WARM_UP_SECONDS]}, ENGINE one of {@code memory}, {@code sqlite-full}, {@code sqlite-normal},
 * {@code postgresql}; PostgreSQL is reached through the environment: {@code DM_BENCH_PG_HOST},
 * {@code DM_BENCH_PG_PORT}, {@code DM_BENCH_PG_DATABASE}, {@code DM_BENCH_PG_USER}, {@code
 * DM_BENCH_PG_PASSWORD}.
 */
public final class StoreBenchmark {

  private static final int DEVICES_PER_USER = 2;

  private StoreBenchmark() {}

  /** One retire-all of the user with index {@code user}. */
  private interface Operation {
    void retire(int user) throws SQLException;
  }

  /** What one timed round measured. */
  private record Round(String name, int calls, long nanos, double p50Millis, double p99Millis) {
    static Round of(String name, int calls, long nanos, long[] latencies) {
      long[] sorted = Arrays.copyOf(latencies, calls);
      Arrays.sort(sorted);
      return new Round(name, calls, nanos, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
      return sorted.length == 0
          ? 0
          : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    double perSecond() {
      return calls * 1e9 / nanos;
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args ENGINE [USERS] [THREADS] [ROUND_SECONDS] [ROUNDS] [WARM_UP_SECONDS]
   */
  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "memory";
    int userCount = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int roundSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    int warmUpSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;

    List<User> users = BenchData.users(userCount);
    List<ManagedDevice> devices = BenchData.devices(users, DEVICES_PER_USER);
    TenantAdministration.Contents contents = new TenantAdministration.Contents(users, devices);
    Instant at = Instant.parse("2026-12-04T12:00:00Z");
    AuditActor actor =
        AuditEvents.actorOf(BenchData.delegatedCaller(users.get(0)), Optional.of("203.0.113.7"));

    Path dir = Files.createTempDirectory("store-bench");
    JdbcStore store = null;
    HandWritten handWritten = null;
    TenantAdministration administration;
    DeviceRetirement retirement;
    switch (engine) {
      case "memory" -> {
        InMemoryTenant tenant = InMemoryTenant.of(users, devices);
        administration = tenant;
        retirement = tenant;
      }
      case "sqlite-full", "sqlite-normal", "postgresql" -> {
        StoreSettings settings = settings(engine, dir);
        store = JdbcStore.open(settings);
        administration = store.tenant();
        retirement = store.tenant();
        handWritten = HandWritten.open(settings, threads);
      }
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
    System.out.printf(
        Locale.ROOT,
        "engine %s, %d users x %d devices, %d threads, rounds of %d s, %d rounds, warm-up %d s%n",
        engine,
        userCount,
        DEVICES_PER_USER,
        threads,
        roundSeconds,
        rounds,
        warmUpSeconds);
    long seedStart = System.nanoTime();
    administration.replaceTenant(contents, at);
    System.out.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

    Operation adapter =
        i -> {
          User user = users.get(i);
          retirement.retireAll(
              user, at, RetireAllAudit.of(actor, UUID.randomUUID().toString(), user.id()));
        };
    HandWritten hand = handWritten;
    Operation ceiling = hand == null ? null : i -> hand.retire(users.get(i), at, actor);

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUpSeconds);
      while (System.nanoTime() < warmUpEnd) {
        administration.replaceTenant(contents, at);
        run("warm-up adapter", adapter, userCount, threads, roundSeconds, pool);
        if (ceiling != null) {
          administration.replaceTenant(contents, at);
          run("warm-up jdbc", ceiling, userCount, threads, roundSeconds, pool);
        }
      }
      List<Round> adapterRounds = new ArrayList<>();
      List<Round> ceilingRounds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        Round a;
        Round c = null;
        if (ceiling != null && r % 2 == 1) {
          administration.replaceTenant(contents, at);
          c = run("hand-written", ceiling, userCount, threads, roundSeconds, pool);
        }
        administration.replaceTenant(contents, at);
        a = run("adapter", adapter, userCount, threads, roundSeconds, pool);
        if (ceiling != null && r % 2 == 0) {
          administration.replaceTenant(contents, at);
          c = run("hand-written", ceiling, userCount, threads, roundSeconds, pool);
        }
        adapterRounds.add(a);
        print(r, a);
        if (c != null) {
          ceilingRounds.add(c);
          print(r, c);
          ratios.add(a.perSecond() / c.perSecond());
          System.out.printf(
              Locale.ROOT,
              "round %d ratio adapter/hand-written %.3f%n",
              r,
              a.perSecond() / c.perSecond());
        }
      }
      summary("adapter", adapterRounds);
      if (!ceilingRounds.isEmpty()) {
        summary("hand-written", ceilingRounds);
        System.out.printf(Locale.ROOT, "median ratio adapter/hand-written %.3f%n", median(ratios));
      }
    } finally {
      pool.shutdownNow();
      if (hand != null) {
        hand.close();
      }
      if (store != null) {
        store.close();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static StoreSettings settings(String engine, Path dir) {
    return switch (engine) {
      case "sqlite-full" ->
          new StoreSettings.Sqlite(dir.resolve("bench.db"), StoreSettings.Synchronous.FULL);
      case "sqlite-normal" ->
          new StoreSettings.Sqlite(dir.resolve("bench.db"), StoreSettings.Synchronous.NORMAL);
      default -> {
        Map<String, String> env = System.getenv();
        yield new StoreSettings.Postgresql(
            env.getOrDefault("DM_BENCH_PG_HOST", "localhost"),
            Integer.parseInt(env.getOrDefault("DM_BENCH_PG_PORT", "5432")),
            env.getOrDefault("DM_BENCH_PG_DATABASE", "bench"),
            env.getOrDefault("DM_BENCH_PG_USER", "postgres"),
            env.getOrDefault("DM_BENCH_PG_PASSWORD", ""),
            StoreSettings.Postgresql.DEFAULT_POOL_SIZE);
      }
    };
  }

  private static Round run(
      String name, Operation operation, int users, int threads, int seconds, ExecutorService pool)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[users];
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < users; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    return null;
                  }
                  operation.retire(i);
                  latencies[done.getAndIncrement()] = System.nanoTime() - t0;
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    long nanos = System.nanoTime() - start;
    return Round.of(name, done.get(), nanos, latencies);
  }

  private static void print(int round, Round r) {
    System.out.printf(
        Locale.ROOT,
        "round %d %-12s %7d calls %9.0f/s p50 %6.2f ms p99 %6.2f ms%n",
        round,
        r.name(),
        r.calls(),
        r.perSecond(),
        r.p50Millis(),
        r.p99Millis());
  }

  private static void summary(String name, List<Round> rounds) {
    System.out.printf(
        Locale.ROOT,
        "%-12s median %9.0f/s, median p99 %6.2f ms%n",
        name,
        median(rounds.stream().map(Round::perSecond).toList()),
        median(rounds.stream().map(r -> r.p99Millis()).toList()));
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The engine's ceiling: the same writes as the adapter's retire-all, written by hand on plain
   * JDBC connections (SQLite: one writer, {@code BEGIN IMMEDIATE}; PostgreSQL: one connection per
   * thread, {@code SELECT ... FOR UPDATE}).
   */
  private static final class HandWritten implements AutoCloseable {

    private final boolean sqlite;
    private final List<Connection> connections;
    private final ThreadLocal<Connection> mine;
    private final ReentrantLock writer = new ReentrantLock();

    private HandWritten(boolean sqlite, List<Connection> connections) {
      this.sqlite = sqlite;
      this.connections = connections;
      AtomicInteger handed = new AtomicInteger();
      this.mine =
          ThreadLocal.withInitial(
              () -> connections.get(handed.getAndIncrement() % connections.size()));
    }

    static HandWritten open(StoreSettings settings, int threads) throws SQLException {
      List<Connection> connections = new ArrayList<>();
      if (settings instanceof StoreSettings.Sqlite s) {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.file().toAbsolutePath());
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA journal_mode=WAL");
          st.execute("PRAGMA synchronous=" + s.synchronous().name());
          st.execute("PRAGMA busy_timeout=30000");
        }
        connections.add(c);
        return new HandWritten(true, connections);
      }
      StoreSettings.Postgresql p = (StoreSettings.Postgresql) settings;
      for (int i = 0; i < threads; i++) {
        Connection c = DriverManager.getConnection(p.jdbcUrl(), p.user(), p.password());
        c.setAutoCommit(false);
        connections.add(c);
      }
      return new HandWritten(false, connections);
    }

    void retire(User user, Instant at, AuditActor actor) throws SQLException {
      if (sqlite) {
        writer.lock();
        try (Statement control = connections.get(0).createStatement()) {
          control.execute("BEGIN IMMEDIATE");
          writes(connections.get(0), user, at, actor);
          control.execute("COMMIT");
        } finally {
          writer.unlock();
        }
      } else {
        Connection c = mine.get();
        writes(c, user, at, actor);
        c.commit();
      }
    }

    private void writes(Connection c, User user, Instant at, AuditActor actor) throws SQLException {
      List<String> changed = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT id, id_key, device_name, management_state FROM devices WHERE user_key = ?"
                  + " ORDER BY id"
                  + (sqlite ? "" : " FOR UPDATE"))) {
        s.setString(1, user.id().toLowerCase(Locale.ROOT));
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            if (rows.getString(4).equals("managed")) {
              changed.add(rows.getString(1));
              names.add(rows.getString(3));
            }
          }
        }
      }
      String when = at.truncatedTo(ChronoUnit.MICROS).toString();
      String results =
          "[{\"actionName\":\"retire\",\"actionState\":\"pending\",\"startDateTime\":\""
              + when
              + "\",\"lastUpdatedDateTime\":\""
              + when
              + "\"}]";
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE devices SET management_state = ?, last_sync_date_time = last_sync_date_time,"
                  + " device_action_results = ? WHERE id_key = ?")) {
        for (String id : changed) {
          s.setString(1, "retirePending");
          s.setString(2, results);
          s.setString(3, id.toLowerCase(Locale.ROOT));
          s.addBatch();
        }
        s.executeBatch();
      }
      String id = UUID.randomUUID().toString();
      String correlation = UUID.randomUUID().toString();
      StringBuilder event =
          new StringBuilder("{\"id\":\"")
              .append(id)
              .append("\",\"displayName\":\"removeAllDevicesFromManagement ")
              .append(user.id())
              .append("\",\"componentName\":\"ManagedDevices\",\"actor\":{\"type\":\"ItPro\",")
              .append("\"auditActorType\":\"ItPro\",\"userPermissions\":")
              .append("[\"DeviceManagementManagedDevices.PrivilegedOperations.All\",")
              .append("\"DeviceManagementManagedDevices.Read.All\"],\"applicationId\":null,")
              .append("\"applicationDisplayName\":null,\"userPrincipalName\":\"")
              .append(actor.userPrincipalName().orElse(""))
              .append(
                  "\",\"servicePrincipalName\":null,\"ipAddress\":\"203.0.113.7\",\"userId\":\"")
              .append(actor.userId().orElse(""))
              .append("\"},\"activity\":\"Retire all devices of a user\",\"activityDateTime\":\"")
              .append(when)
              .append("\",\"activityType\":\"RemoveAllDevicesFromManagement User\",")
              .append("\"activityOperationType\":\"Action\",\"activityResult\":\"Success\",")
              .append("\"correlationId\":\"")
              .append(correlation)
              .append("\",\"resources\":[");
      for (int i = 0; i < changed.size(); i++) {
        event
            .append(i == 0 ? "" : ",")
            .append("{\"displayName\":\"")
            .append(names.get(i))
            .append("\",\"modifiedProperties\":[{\"displayName\":\"managementState\",")
            .append("\"oldValue\":\"managed\",\"newValue\":\"retirePending\"}],")
            .append("\"type\":\"ManagedDevice\",\"auditResourceType\":\"ManagedDevice\",")
            .append("\"resourceId\":\"")
            .append(changed.get(i))
            .append("\"}");
      }
      event.append("],\"category\":\"Device\"}");
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO audit_events (id, id_key, activity_date_time, activity_type_key,"
                  + " component_name_key, category_key, correlation_id_key,"
                  + " activity_operation_type_key, activity_result_key, resource_count, event)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, id);
        s.setString(2, id);
        s.setLong(3, ChronoUnit.MICROS.between(Instant.EPOCH, at));
        s.setString(4, "removealldevicesfrommanagement user");
        s.setString(5, "manageddevices");
        s.setString(6, "device");
        s.setString(7, correlation);
        s.setString(8, "action");
        s.setString(9, "success");
        s.setInt(10, changed.size());
        s.setString(11, event.toString());
        s.executeUpdate();
      }
    }

    @Override
    public void close() throws SQLException {
      for (Connection c : connections) {
        c.close();
      }
    }
  }
}
