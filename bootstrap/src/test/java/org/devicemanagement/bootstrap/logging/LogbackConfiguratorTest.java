package org.devicemanagement.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogbackConfiguratorTest {

  @Test
  void givenFreshContext_whenConfigured_thenProjectAtInfoOthersAtWarnOnStderr() {
    LoggerContext context = new LoggerContext();

    ExecutionStatus status = new LogbackConfigurator().configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger("org.devicemanagement.bootstrap.X").getEffectiveLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.glassfish.jersey.server.X").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("com.example.Other").getEffectiveLevel()).isEqualTo(Level.WARN);
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    assertThat(appender).isInstanceOf(BatchingConsoleAppender.class);
    BatchingConsoleAppender console = (BatchingConsoleAppender) appender;
    assertThat(console.isStarted()).isTrue();
    assertThat(console.getEncoder())
        .isInstanceOfSatisfying(
            LineEncoder.class,
            encoder ->
                assertThat(encoder.getPattern())
                    .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n"));
    context.stop();
  }

  @Test
  void givenFreshContext_whenConfigured_thenJavaUtilLoggingLevelsFollow() {
    LoggerContext context = new LoggerContext();

    new LogbackConfigurator().configure(context);

    // Jersey logs through java.util.logging: records below WARN must not reach the bridge.
    assertThat(java.util.logging.Logger.getLogger("org.glassfish").getLevel())
        .isEqualTo(java.util.logging.Level.WARNING);
    assertThat(java.util.logging.Logger.getLogger("org.devicemanagement").getLevel())
        .isEqualTo(java.util.logging.Level.INFO);
  }

  @Test
  void givenConfigurationFileProperty_whenConfigured_thenStepsAsideForLogback() {
    LoggerContext context = new LoggerContext();
    String before = System.getProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY);
    System.setProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY, "operator-logback.xml");
    try {
      ExecutionStatus status = new LogbackConfigurator().configure(context);

      assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY);
      } else {
        System.setProperty(LogbackConfigurator.CONFIGURATION_FILE_PROPERTY, before);
      }
    }
  }

  @Test
  void givenServiceFile_whenSlf4jStarts_thenLogbackIsConfiguredByThisClass() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"))
        .isInstanceOf(BatchingConsoleAppender.class);
    assertThat(context.getLogger("org.devicemanagement").getLevel()).isEqualTo(Level.INFO);
  }
}
