package org.devicemanagement.bootstrap.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** What the process does with its logging as it ends. */
public final class Logging {

  private Logging() {}

  /**
   * Writes every log line still queued and stops logging; called last before the process exits,
   * since a JVM halt would otherwise cut off lines the background writer has not written yet.
   */
  public static void flushAndStop() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
