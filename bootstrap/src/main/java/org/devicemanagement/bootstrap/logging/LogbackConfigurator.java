package org.devicemanagement.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * Configures logback in code, without parsing XML at start-up: one line per event on stderr (so
 * that stdout carries only what commands print), INFO for this project, WARN for everything else.
 *
 * <p>Found by logback through {@code META-INF/services}; when {@code -Dlogback.configurationFile}
 * names a file, it steps aside and logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {

  /** The layout of every line: time, level, logger's simple name, message. */
  public static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  /** The system property through which an operator can hand logback a configuration file. */
  static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

  /** Used by logback's service loader. */
  public LogbackConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    context.getStatusManager().add(new NopStatusListener());

    // Jersey and Jetty log through java.util.logging: keep its levels in step with these, so
    // that disabled JUL records are dropped before they reach the bridge.
    LevelChangePropagator julLevels = new LevelChangePropagator();
    julLevels.setContext(context);
    julLevels.setResetJUL(true);
    julLevels.start();
    context.addListener(julLevels);

    LineEncoder encoder = new LineEncoder();
    encoder.setContext(context);
    encoder.start();
    // Written by a background thread in batches, so that requests never wait on stderr.
    BatchingConsoleAppender console = new BatchingConsoleAppender();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setEncoder(encoder);
    console.start();

    context.getLogger("org.devicemanagement").setLevel(Level.INFO);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("org.glassfish").setLevel(Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(console);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
