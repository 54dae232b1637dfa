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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchingConsoleAppenderTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final AtomicInteger writes = new AtomicInteger();
  private final PrintStream target =
      new PrintStream(written, true, StandardCharsets.UTF_8) {
        @Override
        public void write(byte[] buf, int off, int len) {
          writes.incrementAndGet();
          super.write(buf, off, len);
        }
      };
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
          .isEqualTo(
              IntStream.range(0, perThread)
                  .mapToObj(i -> prefix + "n" + i)
                  .toList());
    }
    assertThat(writes.get()).as("lines share writes").isLessThan(threads * perThread);
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
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
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
