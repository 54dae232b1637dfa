package org.devicemanagement.adapters.rest.batch;

import jakarta.ws.rs.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs the requests of one batch: those whose dependencies have all succeeded, at most {@code
 * parallelism} at a time on {@code executor}; a request with a dependency that did not succeed is
 * answered by {@code failedDependency} and never runs. The answers come back in the batch's order.
 */
final class BatchSchedule {

  private final List<BatchStep> steps;
  private final Function<BatchStep, StepResponse> dispatch;
  private final BiFunction<BatchStep, StepResponse, StepResponse> failedDependency;
  private final Executor executor;
  private final int parallelism;

  /**
   * A schedule of {@code steps} (checked by {@link BatchRequests}: unique ids, known dependencies,
   * no cycle), each run by {@code dispatch}, which answers every request and never throws.
   */
  BatchSchedule(
      List<BatchStep> steps,
      Function<BatchStep, StepResponse> dispatch,
      BiFunction<BatchStep, StepResponse, StepResponse> failedDependency,
      Executor executor,
      int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.steps = List.copyOf(steps);
    this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
    this.failedDependency = Objects.requireNonNull(failedDependency, "failedDependency");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.parallelism = parallelism;
  }

  /**
   * Runs every request and gives their answers in the batch's order.
   *
   * @throws ServiceUnavailableException if the thread is interrupted while requests run (the server
   *     is stopping)
   */
  List<StepResponse> run() {
    Map<String, StepResponse> answered = new HashMap<>();
    Set<String> started = new HashSet<>();
    List<Future<StepResponse>> running = new ArrayList<>();
    CompletionService<StepResponse> completion = new ExecutorCompletionService<>(executor);
    int inFlight = 0;
    while (answered.size() < steps.size()) {
      boolean progressed = true;
      while (progressed) {
        progressed = false;
        for (BatchStep step : steps) {
          String key = BatchRequests.key(step.id());
          if (started.contains(key) || !allAnswered(step, answered)) {
            continue;
          }
          StepResponse failed = firstFailed(step, answered);
          if (failed != null) {
            started.add(key);
            answered.put(key, failedDependency.apply(step, failed));
            // Requests depending on this one may now be answered too: look again.
            progressed = true;
          } else if (inFlight < parallelism) {
            started.add(key);
            running.add(completion.submit(() -> dispatch.apply(step)));
            inFlight++;
          }
        }
      }
      if (answered.size() == steps.size()) {
        break;
      }
      if (inFlight == 0) {
        throw new IllegalStateException("no request of the batch can run: a dependency cycle?");
      }
      StepResponse response = next(completion, running);
      inFlight--;
      answered.put(BatchRequests.key(response.id()), response);
    }
    List<StepResponse> inOrder = new ArrayList<>(steps.size());
    for (BatchStep step : steps) {
      inOrder.add(Objects.requireNonNull(answered.get(BatchRequests.key(step.id())), step.id()));
    }
    return inOrder;
  }

  private static StepResponse next(
      CompletionService<StepResponse> completion, List<Future<StepResponse>> running) {
    try {
      return completion.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.forEach(future -> future.cancel(true));
      throw new ServiceUnavailableException();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a batch request failed to answer", e.getCause());
    }
  }

  private static boolean allAnswered(BatchStep step, Map<String, StepResponse> answered) {
    for (String dependency : step.dependsOn()) {
      if (!answered.containsKey(BatchRequests.key(dependency))) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable StepResponse firstFailed(
      BatchStep step, Map<String, StepResponse> answered) {
    for (String dependency : step.dependsOn()) {
      StepResponse response = answered.get(BatchRequests.key(dependency));
      if (response != null && !response.succeeded()) {
        return response;
      }
    }
    return null;
  }
}
