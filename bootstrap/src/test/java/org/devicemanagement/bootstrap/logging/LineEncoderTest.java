package org.devicemanagement.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.Charset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast line encoder writes, byte for byte, what logback's pattern layout writes. */
class LineEncoderTest {

  private final LoggerContext context = new LoggerContext();
  private final LineEncoder fast = new LineEncoder();
  private final PatternLayoutEncoder reference = new PatternLayoutEncoder();

  @BeforeEach
  void start() {
    fast.setContext(context);
    fast.start();
    reference.setContext(context);
    reference.setPattern(LogbackConfigurator.PATTERN);
    reference.start();
  }

  @AfterEach
  void stop() {
    fast.stop();
    reference.stop();
  }

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of("org.devicemanagement.adapters.rest.resource.Audit", Level.INFO, "done", 0L),
        Arguments.of("org.devicemanagement.X", Level.WARN, "a {} b", 1_733_333_333_005L),
        Arguments.of("NoPackage", Level.ERROR, "", 1_733_333_333_999L),
        Arguments.of("a.b.Inner$Class", Level.DEBUG, "ünïcödé ✓ line", 1_733_333_399_050L),
        Arguments.of("a.b.C", Level.TRACE, "x".repeat(5_000), 86_399_999L));
  }

  @ParameterizedTest
  @MethodSource("events")
  void givenEvent_whenEncoded_thenSameBytesAsThePatternLayout(
      String loggerName, Level level, String message, long timeStamp) {
    LoggingEvent event = event(loggerName, level, message, timeStamp, null);

    assertThat(new String(fast.encode(event), Charset.defaultCharset()))
        .isEqualTo(new String(reference.encode(event), Charset.defaultCharset()));
  }

  @Test
  void givenEventsOneSecondApart_whenEncoded_thenEachCarriesItsOwnTime() {
    for (long millis = 1_733_333_333_000L; millis < 1_733_333_336_000L; millis += 499) {
      LoggingEvent event = event("a.B", Level.INFO, "tick", millis, null);

      assertThat(fast.encode(event)).isEqualTo(reference.encode(event));
    }
  }

  @Test
  void givenEventWithAnException_whenEncoded_thenTheStackTraceIsWrittenAsTheLayoutWritesIt() {
    LoggingEvent event =
        event("a.B", Level.ERROR, "failed", 1_733_333_333_000L, new IllegalStateException("boom"));

    String encoded = new String(fast.encode(event), Charset.defaultCharset());

    assertThat(encoded).isEqualTo(new String(reference.encode(event), Charset.defaultCharset()));
    assertThat(encoded).contains("java.lang.IllegalStateException: boom").contains("\tat ");
  }

  private LoggingEvent event(
      String loggerName, Level level, String message, long timeStamp, Throwable thrown) {
    Logger logger = context.getLogger(loggerName);
    LoggingEvent event =
        new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, new Object[] {1});
    event.setTimeStamp(timeStamp);
    return event;
  }
}
