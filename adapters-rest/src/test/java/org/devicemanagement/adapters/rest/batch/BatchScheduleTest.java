package org.devicemanagement.adapters.rest.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a batch's requests are run: concurrently when independent, in order along dependsOn. */
class BatchScheduleTest {

  // A safety net so that a broken schedule fails the test instead of hanging it; nothing here
  // depends on how long anything takes.
  private static final long HANG_SECONDS = 30;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void givenTwoIndependentRequests_whenRun_thenTheyOverlap() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Function<BatchStep, StepResponse> waitsForTheOther =
        step -> {
          bothStarted.countDown();
          // Returns 200 only if the other request started while this one was still running.
          return answer(step, await(bothStarted) ? 200 : 500);
        };

    List<StepResponse> responses =
        schedule(List.of(step("a"), step("b")), waitsForTheOther, 4).run();

    assertThat(responses).extracting(StepResponse::status).containsExactly(200, 200);
  }

  @Test
  void givenMoreIndependentRequestsThanTheParallelism_whenRun_thenAtMostThatManyAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CyclicBarrier fourAtATime = new CyclicBarrier(4);
    Function<BatchStep, StepResponse> dispatch =
        step -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            fourAtATime.await(HANG_SECONDS, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          running.decrementAndGet();
          return answer(step, 200);
        };

    List<StepResponse> responses =
        schedule(IntStream.range(0, 8).mapToObj(i -> step("s" + i)).toList(), dispatch, 4).run();

    assertThat(responses).hasSize(8);
    assertThat(most).hasValue(4);
  }

  @Test
  void givenAChain_whenRun_thenEachStartsOnlyAfterItsDependencyAnswered() {
    List<String> order = new CopyOnWriteArrayList<>();
    Function<BatchStep, StepResponse> recording =
        step -> {
          order.add(step.id());
          return answer(step, 204);
        };

    List<StepResponse> responses =
        schedule(
                List.of(step("3", "2"), step("1"), step("2", "1"), step("4", "1", "3")),
                recording,
                4)
            .run();

    assertThat(order).containsExactly("1", "2", "3", "4");
    assertThat(responses).extracting(StepResponse::id).containsExactly("3", "1", "2", "4");
  }

  @Test
  void givenAFailedDependency_whenRun_thenDependentsAnswer424TransitivelyAndNeverRun() {
    List<String> ran = new CopyOnWriteArrayList<>();
    Map<String, Integer> statuses = Map.of("a", 404, "d", 200);
    Function<BatchStep, StepResponse> dispatch =
        step -> {
          ran.add(step.id());
          return answer(step, statuses.get(step.id()));
        };

    List<StepResponse> responses =
        schedule(List.of(step("a"), step("b", "A"), step("c", "b"), step("d")), dispatch, 1).run();

    assertThat(responses).extracting(StepResponse::status).containsExactly(404, 424, 424, 200);
    assertThat(ran).containsExactlyInAnyOrder("a", "d");
  }

  private BatchSchedule schedule(
      List<BatchStep> steps, Function<BatchStep, StepResponse> dispatch, int parallelism) {
    return new BatchSchedule(
        steps, dispatch, (step, failed) -> answer(step, 424), threads, parallelism);
  }

  private static BatchStep step(String id, String... dependsOn) {
    return new BatchStep(id, "GET", "me", Map.of(), null, List.of(dependsOn));
  }

  private static StepResponse answer(BatchStep step, int status) {
    return new StepResponse(step.id(), status, Map.of(), null);
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(HANG_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
