package org.devicemanagement.bootstrap.offboard;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.devicemanagement.application.offboarding.OffboardingListener;
import org.devicemanagement.application.offboarding.OffboardingProgress;

/**
 * Shows a run's progress on stderr: a bar redrawn in place on a terminal, or a plain line every few
 * seconds when the output is a file or a pipe; and carries a Ctrl-C to the run as a stop request.
 */
public final class ProgressDisplay implements OffboardingListener {

  private static final int BAR_WIDTH = 24;
  private static final long TERMINAL_EVERY_NANOS = 200_000_000L;
  private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final boolean terminal;
  private final String verb;
  private final LongSupplier nanoTime;
  private final AtomicBoolean stop = new AtomicBoolean();
  private long shownAt = Long.MIN_VALUE;
  private int lastWidth;
  private String lastLine = "";
  private @org.jspecify.annotations.Nullable OffboardingProgress last;
  private @org.jspecify.annotations.Nullable OffboardingProgress shown;

  /**
   * A display on {@code out}, redrawn in place when {@code terminal}; {@code verb} names the work
   * ("retiring", "reading").
   */
  public ProgressDisplay(PrintWriter out, boolean terminal, String verb, LongSupplier nanoTime) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.verb = Objects.requireNonNull(verb, "verb");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** Asks the run to stop at its next safe point. */
  public void requestStop() {
    stop.set(true);
  }

  @Override
  public boolean stopRequested() {
    return stop.get();
  }

  @Override
  public synchronized void progress(OffboardingProgress progress) {
    last = progress;
    long now = nanoTime.getAsLong();
    boolean waiting = !progress.waiting().isZero();
    if (shownAt != Long.MIN_VALUE
        && now - shownAt < (terminal ? TERMINAL_EVERY_NANOS : PLAIN_EVERY_NANOS)
        && !(waiting && !terminal && progress.waiting().compareTo(Duration.ofSeconds(5)) > 0)) {
      return;
    }
    shownAt = now;
    show(progress);
  }

  /** Shows the last progress whatever the time, and ends the bar's line. */
  public synchronized void finish() {
    if (last != null && !last.equals(shown)) {
      show(last);
    }
    if (terminal && lastWidth > 0) {
      out.println();
      lastWidth = 0;
    }
    out.flush();
  }

  private void show(OffboardingProgress progress) {
    shown = progress;
    String line = line(progress);
    if (terminal) {
      String padded =
          line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
      out.print("\r" + padded);
      lastWidth = line.length();
    } else if (!line.equals(lastLine)) {
      out.println(line);
    }
    lastLine = line;
    out.flush();
  }

  /** The progress in one line: done of total, the rate, 429s seen, the ETA, and any wait. */
  String line(OffboardingProgress progress) {
    int total = progress.counts().users();
    int ended = progress.counts().ended();
    double seconds = progress.elapsed().toMillis() / 1000.0;
    double rate = seconds > 0 ? progress.endedThisSession() / seconds : 0;
    int left = total - ended;
    String eta = rate > 0 ? duration(Duration.ofSeconds((long) Math.ceil(left / rate))) : "--";
    StringBuilder line = new StringBuilder();
    if (terminal) {
      int filled = total == 0 ? BAR_WIDTH : (int) ((long) ended * BAR_WIDTH / total);
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(BAR_WIDTH - filled))
          .append("] ");
    } else {
      line.append(verb).append(": ");
    }
    line.append(
        String.format(
            Locale.ROOT,
            "%,d/%,d users  %.1f users/s  429s: %d  ETA %s",
            ended,
            total,
            rate,
            progress.throttled(),
            left == 0 ? "0s" : eta));
    if (!progress.waiting().isZero()) {
      line.append("  (waiting ").append(duration(progress.waiting())).append(')');
    }
    return line.toString();
  }

  /** {@code d} as a person reads it: 45s, 3m05s, 2h07m. */
  static String duration(Duration d) {
    long s = Math.max(0, (d.toMillis() + 999) / 1000);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
