package org.devicemanagement.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.adapters.memory.InMemoryAuditTrail;
import org.devicemanagement.application.audit.AuditActor;
import org.devicemanagement.application.audit.AuditEvent;
import org.devicemanagement.application.audit.AuditEvents;
import org.devicemanagement.application.audit.AuditField;
import org.devicemanagement.application.audit.AuditFilter;
import org.devicemanagement.application.audit.AuditPage;
import org.devicemanagement.application.audit.AuditQuery;
import org.devicemanagement.application.audit.AuditResource;
import org.devicemanagement.application.port.out.AuditTrail;
import org.devicemanagement.domain.ManagedDevice;
import org.devicemanagement.domain.ManagementState;
import org.devicemanagement.domain.User;

/**
 * The audit trail's query by time range on a large trail (default 1,000,000 events spread over a
 * year): a page of 100 events newest first inside a random one-day window, the next page through
 * its skip token, and the same window narrowed to failures ({@code activityResult eq 'Failure'}),
 * each timed; prints p50, p99 and max per kind of query.
 *
 * <p>Usage: {@code java -cp ... AuditQueryBenchmark ENGINE [EVENTS] [QUERIES]}, ENGINE one of
 * {@code memory}, {@code sqlite}, {@code postgresql} (reached as {@link StoreBenchmark} says).
 */
public final class AuditQueryBenchmark {

  private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
  private static final Duration YEAR = Duration.ofDays(365);
  private static final int PAGE = 100;
  private static final int LOAD_BATCH = 10_000;

  private AuditQueryBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args ENGINE [EVENTS] [QUERIES]
   */
  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "memory";
    int eventCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    Path dir = Files.createTempDirectory("audit-bench");
    JdbcStore store = null;
    AuditTrail trail;
    switch (engine) {
      case "memory" -> trail = new InMemoryAuditTrail();
      case "sqlite" -> {
        store = JdbcStore.open(StoreSettings.Sqlite.at(dir.resolve("audit.db")));
        trail = store.tenant();
      }
      case "postgresql" -> {
        Map<String, String> env = System.getenv();
        store =
            JdbcStore.open(
                new StoreSettings.Postgresql(
                    env.getOrDefault("DM_BENCH_PG_HOST", "localhost"),
                    Integer.parseInt(env.getOrDefault("DM_BENCH_PG_PORT", "5432")),
                    env.getOrDefault("DM_BENCH_PG_DATABASE", "bench"),
                    env.getOrDefault("DM_BENCH_PG_USER", "postgres"),
                    env.getOrDefault("DM_BENCH_PG_PASSWORD", ""),
                    StoreSettings.Postgresql.DEFAULT_POOL_SIZE));
        trail = store.tenant();
      }
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
    try {
      long loadStart = System.nanoTime();
      JdbcStore opened = store;
      load(
          opened == null
              ? batch -> batch.forEach(trail::record)
              : batch -> opened.tenant().recordAll(batch),
          eventCount);
      System.out.printf(
          Locale.ROOT,
          "engine %s: %d events loaded in %.1f s%n",
          engine,
          eventCount,
          (System.nanoTime() - loadStart) / 1e9);
      Random random = new Random(42);
      // Warm-up: the same queries as measured, not recorded.
      for (int i = 0; i < queries / 2; i++) {
        trail.searchEvents(window(random, false), PAGE, Optional.empty());
      }
      long[] firstPages = new long[queries];
      long[] nextPages = new long[queries];
      long[] failures = new long[queries];
      int served = 0;
      for (int i = 0; i < queries; i++) {
        AuditQuery first = window(random, false);
        AuditQuery failuresOnly = window(random, true);
        long t0 = System.nanoTime();
        AuditPage page = trail.searchEvents(first, PAGE, Optional.empty());
        long t1 = System.nanoTime();
        if (page.nextSkipToken().isPresent()) {
          trail.searchEvents(first, PAGE, page.nextSkipToken());
        }
        long t2 = System.nanoTime();
        AuditPage narrowed = trail.searchEvents(failuresOnly, PAGE, Optional.empty());
        long t3 = System.nanoTime();
        firstPages[i] = t1 - t0;
        nextPages[i] = t2 - t1;
        failures[i] = t3 - t2;
        served += page.events().size() + narrowed.events().size();
      }
      print("one-day window, first page", firstPages);
      print("one-day window, next page", nextPages);
      print("one-day window, failures only", failures);
      System.out.printf(Locale.ROOT, "events served %d%n", served);
    } finally {
      if (store != null) {
        store.close();
      }
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A random one-day window, newest first, narrowed to failures when {@code failuresOnly}. */
  private static AuditQuery window(Random random, boolean failuresOnly) {
    Instant from = START.plusSeconds((long) (random.nextDouble() * (YEAR.toSeconds() - 86_400)));
    AuditFilter window =
        AuditFilter.and(
            new AuditFilter.ActivityTime(AuditFilter.TimeOperator.GE, from),
            new AuditFilter.ActivityTime(AuditFilter.TimeOperator.LT, from.plusSeconds(86_400)));
    AuditFilter filter =
        failuresOnly
            ? AuditFilter.and(
                window, new AuditFilter.Text(AuditField.ACTIVITY_RESULT, true, "Failure"))
            : window;
    return new AuditQuery(Optional.of(filter), true);
  }

  private static void load(Consumer<List<AuditEvent>> recorder, int count) {
    AuditActor actor =
        AuditEvents.actorOf(
            BenchData.delegatedCaller(BenchData.user(0)), Optional.of("203.0.113.7"));
    long step = YEAR.toNanos() / count;
    List<AuditEvent> batch = new ArrayList<>(LOAD_BATCH);
    for (int i = 0; i < count; i++) {
      User user = BenchData.user(i % 50_000);
      ManagedDevice device = BenchData.device(user, i);
      ManagedDevice after =
          device.toBuilder().managementState(ManagementState.RETIRE_PENDING).build();
      boolean failed = i % 20 == 0;
      List<AuditResource> resources =
          failed ? List.of() : List.of(AuditEvents.deviceChange(device, after));
      batch.add(
          new AuditEvent(
              new UUID(0x5a5a5a5a5a5a4a5aL, 0x8000000000000000L | i).toString(),
              "removeAllDevicesFromManagement " + user.userPrincipalName(),
              AuditEvents.COMPONENT_NAME,
              actor,
              "Retire all devices of a user",
              START.plusNanos(step * i).plusNanos(0),
              AuditEvents.RETIRE_ALL_ACTIVITY_TYPE,
              AuditEvents.ACTION,
              failed ? AuditEvents.FAILURE : AuditEvents.SUCCESS,
              UUID.randomUUID().toString(),
              resources,
              AuditEvents.CATEGORY));
      if (batch.size() == LOAD_BATCH) {
        recorder.accept(batch);
        batch.clear();
      }
    }
    recorder.accept(batch);
    batch.clear();
  }

  private static void print(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-32s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
        name,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
