package org.devicemanagement.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingConsoleAppenderTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintStream target = new PrintStream(written, true, StandardCharsets.UTF_8);
  private final BatchingConsoleAppender appender = new BatchingConsoleAppender(() -> target);

  @AfterEach
  void stopAppender() {
    appender.stop();
  }

  @Test
  void givenLinesFromManyThreads_whenStopped_thenEveryLineWrittenOncePerThreadInOrder()
      throws InterruptedException {
    start();
    int threads = 8;
    int perThread = 2_000;
    List<Thread> loggers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread logger =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  appender.doAppend(event("t" + thread + " n" + i));
                }
              });
      logger.start();
      loggers.add(logger);
    }
    for (Thread logger : loggers) {
      logger.join();
    }

    appender.stop();

    List<String> lines = lines();
    assertThat(lines).hasSize(threads * perThread).doesNotHaveDuplicates();
    for (int t = 0; t < threads; t++) {
      String prefix = "t" + t + " ";
      assertThat(lines.stream().filter(line -> line.startsWith(prefix)).toList())
          .as("lines of thread %d keep their order", t)
          .isEqualTo(IntStream.range(0, perThread).mapToObj(i -> prefix + "n" + i).toList());
    }
  }

  @Test
  void givenLinesQueuedWhileAWriteIsSlow_whenItEnds_thenTheyShareOneWrite() throws Exception {
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowWrites = new AtomicInteger();
    ByteArrayOutputStream slowWritten = new ByteArrayOutputStream();
    PrintStream slow =
        new PrintStream(slowWritten, true, StandardCharsets.UTF_8) {
          @Override
          public void write(byte[] buf, int off, int len) {
            if (slowWrites.incrementAndGet() == 1) {
              firstWriteStarted.countDown();
              awaitQuietly(release);
            }
            super.write(buf, off, len);
          }
        };
    BatchingConsoleAppender batching = new BatchingConsoleAppender(() -> slow);
    start(batching);
    batching.doAppend(event("first"));
    assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 1_000; i++) {
      batching.doAppend(event("queued " + i));
    }

    release.countDown();
    batching.stop();

    assertThat(slowWritten.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1_001);
    assertThat(slowWrites.get()).as("the 1,000 queued lines went out in one write").isEqualTo(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void givenOneLineOnAQuietAppender_whenLogged_thenWrittenWithoutWaitingForStop()
      throws InterruptedException {
    start();

    appender.doAppend(event("alone"));

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (lines().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(lines()).containsExactly("alone");
  }

  @Test
  void givenAStoppedAppender_whenLogged_thenNothingIsWrittenAndNothingFails() {
    start();
    appender.stop();

    appender.doAppend(event("late"));

    assertThat(lines()).isEmpty();
  }

  @Test
  void givenNoEncoder_whenStarted_thenNotStarted() {
    BatchingConsoleAppender withoutEncoder = new BatchingConsoleAppender(() -> target);
    withoutEncoder.setContext(context);

    withoutEncoder.start();

    assertThat(withoutEncoder.isStarted()).isFalse();
  }

  private void start() {
    start(appender);
  }

  private void start(BatchingConsoleAppender started) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    started.setContext(context);
    started.setEncoder(encoder);
    started.start();
  }

  private LoggingEvent event(String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(context);
    event.setLoggerName("test");
    event.setLevel(Level.INFO);
    event.setMessage(message);
    event.setTimeStamp(System.currentTimeMillis());
    return event;
  }

  private List<String> lines() {
    String text = written.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
