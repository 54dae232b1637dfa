package org.devicemanagement.bootstrap.logging;

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
    String message = event.getFormattedMessage();
    String level = event.getLevel().toString();
    StringBuilder line = new StringBuilder(40 + message.length());
    long millis = event.getTimeStamp();
    line.append(secondOf(millis));
    int milli = (int) Math.floorMod(millis, 1000L);
    line.append((char) ('0' + milli / 100))
        .append((char) ('0' + milli / 10 % 10))
        .append((char) ('0' + milli % 10))
        .append(' ')
        .append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    line.append(' ')
        .append(simpleName(event.getLoggerName()))
        .append(" - ")
        .append(message)
        .append(LINE_SEPARATOR);
    return line.toString().getBytes(charset);
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

  private String simpleName(@Nullable String loggerName) {
    String name = Objects.requireNonNullElse(loggerName, "");
    return simpleNames.computeIfAbsent(name, n -> n.substring(n.lastIndexOf('.') + 1));
  }

  /** One second's formatted prefix. */
  private record Second(long epochSecond, String text) {}
}
