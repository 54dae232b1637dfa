package org.devicemanagement.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Encodes an event exactly as {@link LogbackConfigurator#PATTERN} lays it out ({@code HH:mm:ss.SSS
 * LEVEL Logger - message}), without the general pattern machinery: the audit line of every
 * retire-all passes through here, so its cost is per request. Events carrying an exception are
 * handed to a {@link PatternLayoutEncoder} of the same pattern, which writes the stack trace.
 */
public final class LineEncoder extends EncoderBase<ILoggingEvent> {

  private static final byte[] NO_BYTES = new byte[0];
  private static final String LINE_SEPARATOR = System.lineSeparator();

  private final PatternLayoutEncoder withStackTraces = new PatternLayoutEncoder();
  private final ConcurrentMap<String, String> simpleNames = new ConcurrentHashMap<>();
  private final ZoneId zone = ZoneId.systemDefault();
  private final Charset charset = Charset.defaultCharset();
  // The "HH:mm:ss." of the second last formatted; replaced whole, so readers need no lock.
  private volatile @Nullable Second second;
  // The logger of the last line and its simple name; replaced whole, like the second.
  private volatile @Nullable SimpleName lastName;

  /** The pattern this encoder writes, for the events it hands over. */
  public String getPattern() {
    return LogbackConfigurator.PATTERN;
  }

  @Override
  public void start() {
    withStackTraces.setContext(getContext());
    withStackTraces.setPattern(LogbackConfigurator.PATTERN);
    withStackTraces.start();
    super.start();
  }

  @Override
  public void stop() {
    withStackTraces.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return NO_BYTES;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    if (event.getThrowableProxy() != null) {
      return withStackTraces.encode(event);
    }
    long millis = event.getTimeStamp();
    int milli = (int) Math.floorMod(millis, 1000L);
    // One concatenation makes the line's text at its final length, and one copy its bytes: the
    // audit line of every retire-all passes here, and a builder grew, then copied, it twice more.
    String line =
        secondOf(millis)
            + (char) ('0' + milli / 100)
            + (char) ('0' + milli / 10 % 10)
            + (char) ('0' + milli % 10)
            + ' '
            + paddedLevel(event.getLevel())
            + simpleName(event.getLoggerName())
            + " - "
            + event.getFormattedMessage()
            + LINE_SEPARATOR;
    return line.getBytes(charset);
  }

  /** The level and a space, padded to the width of the longest level ({@code "ERROR "}). */
  private static String paddedLevel(Level level) {
    // By the level's number: a switch on its name would hash the name for every line.
    return switch (level.toInt()) {
      case Level.INFO_INT -> "INFO  ";
      case Level.WARN_INT -> "WARN  ";
      case Level.DEBUG_INT -> "DEBUG ";
      case Level.TRACE_INT -> "TRACE ";
      case Level.ERROR_INT -> "ERROR ";
      default -> level + " ".repeat(Math.max(1, 6 - level.toString().length()));
    };
  }

  @Override
  public byte[] footerBytes() {
    return NO_BYTES;
  }

  private String secondOf(long millis) {
    long epochSecond = Math.floorDiv(millis, 1000L);
    Second last = second;
    if (last != null && last.epochSecond() == epochSecond) {
      return last.text();
    }
    LocalTime time = LocalTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    String text = "%02d:%02d:%02d.".formatted(time.getHour(), time.getMinute(), time.getSecond());
    second = new Second(epochSecond, text);
    return text;
  }

  @SuppressWarnings({"ReferenceEquality", "StringEquality"})
  private String simpleName(@Nullable String loggerName) {
    // Nearly every line comes from the same logger: its name is remembered by identity, without
    // the map's hashing.
    SimpleName last = lastName;
    if (last != null && last.loggerName() == loggerName) {
      return last.simpleName();
    }
    String name = Objects.requireNonNullElse(loggerName, "");
    String simple = simpleNames.computeIfAbsent(name, n -> n.substring(n.lastIndexOf('.') + 1));
    if (loggerName != null) {
      lastName = new SimpleName(loggerName, simple);
    }
    return simple;
  }

  /** One second's formatted prefix. */
  private record Second(long epochSecond, String text) {}

  /** A logger's name and its simple name. */
  private record SimpleName(String loggerName, String simpleName) {}
}
