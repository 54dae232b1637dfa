package org.devicemanagement.benchmarks;

import java.util.concurrent.TimeUnit;
import org.devicemanagement.application.permission.Caller;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The permission check of retire-all for a delegated caller holding the needed scope. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PermissionCheckBenchmark {

  private final PermissionPolicy policy = new PermissionPolicy(PermissionCatalog.seed());
  private final Caller caller = BenchData.delegatedCaller(BenchData.user(0));

  /** Authorizes retire-all (returns normally: the caller holds the scope). */
  @Benchmark
  public Caller authorizeRetireAll() {
    policy.authorize(caller, Operation.REMOVE_ALL_DEVICES_FROM_MANAGEMENT);
    return caller;
  }
}
