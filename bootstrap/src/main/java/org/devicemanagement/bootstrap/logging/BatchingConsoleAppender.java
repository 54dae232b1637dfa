package org.devicemanagement.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.PrintStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes log lines to stderr from one background thread, many lines per write whenever they arrive
 * faster than it writes: request threads only encode their line and queue it, so they never wait
 * for the terminal, pipe or file behind stderr. Nothing is dropped: when the queue is full the
 * caller waits, and stopping (which the server does before it exits) writes everything still
 * queued.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  /** Lines queued before callers wait for the writer (back-pressure, never loss). */
  static final int MAX_PENDING = 8_192;

  /** How long a caller waits before looking again when the queue is full. */
  private static final long FULL_QUEUE_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private static final int MAX_BATCH_BYTES = 64 * 1024;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  // While lines arrive, the writer gathers them this long between writes: at 20,000 lines a second
  // a 1 ms pause still cost a write call per 20 lines (2 % of a retire-all's CPU); 10 ms makes it
  // one per 200, and a line still reaches stderr within about 10 ms.
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long STOP_WAIT_MILLIS = 2_000;

  private final Supplier<PrintStream> target;
  private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private @Nullable Encoder<ILoggingEvent> encoder;
  // True while the writer is parked with nothing to write; the first caller to flip it wakes the
  // writer, so a burst of lines costs one wake-up instead of one per line.
  private final AtomicBoolean writerIdle = new AtomicBoolean();
  // The batch being written, reused from write to write (only the writer and stop() touch it).
  private byte[] batch = new byte[MAX_BATCH_BYTES];
  private volatile @Nullable Thread writer;

  /** An appender writing to whatever {@link System#err} is at the time of each write. */
  public BatchingConsoleAppender() {
    this(() -> System.err);
  }

  /** An appender writing to {@code target} (for tests). */
  BatchingConsoleAppender(Supplier<PrintStream> target) {
    this.target = target;
  }

  /** The encoder that turns each event into the bytes of its line (set by configuration). */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  /** The encoder set by configuration, if any. */
  public @Nullable Encoder<ILoggingEvent> getEncoder() {
    return encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("No encoder set for the appender named \"" + name + "\".");
      return;
    }
    Thread thread = new Thread(this::writeUntilStopped, "log-writer");
    thread.setDaemon(true);
    writer = thread;
    super.start();
    thread.start();
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    Thread thread = writer;
    if (thread != null) {
      LockSupport.unpark(thread);
      try {
        thread.join(STOP_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Whatever the writer did not get to (it was stuck or interrupted) is written here.
    writeBatches(target.get());
  }

  @Override
  protected void append(ILoggingEvent event) {
    Encoder<ILoggingEvent> lineEncoder = encoder;
    if (lineEncoder == null) {
      return;
    }
    byte[] line = lineEncoder.encode(event);
    while (pending.get() >= MAX_PENDING && isStarted()) {
      // The writer is behind (stderr is slow): wait rather than drop or grow without bound.
      wakeWriter();
      LockSupport.parkNanos(FULL_QUEUE_WAIT_NANOS);
    }
    queue.add(line);
    pending.incrementAndGet();
    if (writerIdle.get() && writerIdle.compareAndSet(true, false)) {
      wakeWriter();
    }
    if (!isStarted()) {
      // Appended while stopping: the writer may be gone, so write it now.
      writeBatches(target.get());
    }
  }

  private void wakeWriter() {
    Thread thread = writer;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void writeUntilStopped() {
    while (isStarted()) {
      if (writeBatches(target.get())) {
        // Lines are arriving: let the next ones gather for a moment rather than be woken by each
        // (a wake-up per line cost more than writing it). Callers do not wake the writer now; a
        // full queue still does.
        LockSupport.parkNanos(LINGER_NANOS);
        continue;
      }
      writerIdle.set(true);
      // Checked again after announcing idleness, so that a line queued meanwhile is not left.
      if (queue.isEmpty() && isStarted()) {
        LockSupport.parkNanos(IDLE_PARK_NANOS);
      }
      writerIdle.set(false);
    }
    writeBatches(target.get());
  }

  /** Writes every queued line, in order, a batch per write; whether anything was written. */
  private synchronized boolean writeBatches(PrintStream out) {
    boolean wrote = false;
    int size = 0;
    for (byte[] line = queue.poll(); line != null; line = queue.poll()) {
      pending.decrementAndGet();
      if (size > 0 && size + line.length > batch.length) {
        out.write(batch, 0, size);
        size = 0;
        wrote = true;
      }
      if (line.length > batch.length) {
        batch = new byte[line.length];
      }
      System.arraycopy(line, 0, batch, size, line.length);
      size += line.length;
    }
    if (size > 0) {
      out.write(batch, 0, size);
      wrote = true;
    }
    if (wrote) {
      out.flush();
    }
    return wrote;
  }
}
