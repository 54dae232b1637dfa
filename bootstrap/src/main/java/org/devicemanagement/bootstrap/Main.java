package org.devicemanagement.bootstrap;

import java.io.PrintWriter;
import java.util.Objects;
import org.devicemanagement.bootstrap.cli.OffboardCommand;
import org.devicemanagement.bootstrap.cli.ServeCommand;
import org.devicemanagement.bootstrap.cli.TokenCommand;
import org.devicemanagement.bootstrap.cli.VersionProvider;
import org.devicemanagement.bootstrap.logging.Logging;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of device-management: {@code serve} the Graph API locally, mint a {@code token},
 * {@code offboard} leavers in bulk.
 */
@Command(
    name = "device-management",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    versionProvider = VersionProvider.class,
    description = {
      "Serves Microsoft Graph's removeAllDevicesFromManagement action (and the managedDevices reads)"
          + " over an in-memory Intune tenant, mints access tokens the server trusts, and offboards"
          + " leavers in bulk against Graph or the emulator."
    },
    subcommands = {
      ServeCommand.class,
      TokenCommand.class,
      OffboardCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  /** Exit code of a successful run. */
  public static final int EXIT_OK = 0;

  /** Exit code of a failure while running (port in use, unreadable key file, ...). */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of invalid arguments or input files. */
  public static final int EXIT_USAGE = 2;

  @Spec private @Nullable CommandSpec spec;

  /** Runs the command line and exits with its exit code. */
  public static void main(String... args) {
    // Setting up logging is a noticeable part of a start: do it on the other core while picocli
    // reads the commands' annotations.
    Thread logging = new Thread(LoggerFactory::getILoggerFactory, "logging-init");
    logging.setDaemon(true);
    logging.start();
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    CommandLine commandLine = commandLine();
    // Before anything logs: a logger asked for while SLF4J initializes would be a stand-in that
    // drops its first events.
    awaitQuietly(logging);
    int exitCode = commandLine.execute(args);
    Logging.flushAndStop();
    System.exit(exitCode);
  }

  private static void awaitQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The configured command line: case-insensitive enum values, bad arguments reported as one {@code
   * error:} line and a pointer to {@code --help} with exit code 2, and failures reported as one
   * {@code error:} line on stderr with exit code 1 instead of a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler((exception, args) -> badArguments(exception));
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println("error: " + oneLine(String.valueOf(exception.getMessage())));
          failed.getErr().flush();
          return EXIT_FAILURE;
        });
    return commandLine;
  }

  /**
   * Reports bad arguments as one {@code error:} line and where to read the usage, rather than the
   * whole usage, which would bury the error.
   */
  private static int badArguments(ParameterException exception) {
    CommandLine failed = exception.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println("error: " + oneLine(String.valueOf(exception.getMessage())));
    err.println("see '" + failed.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return EXIT_USAGE;
  }

  /** {@code text} on a single line, as error messages are printed. */
  public static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  @Override
  public void run() {
    throw new ParameterException(
        Objects.requireNonNull(spec, "spec").commandLine(),
        "Missing required subcommand: serve, token or offboard");
  }
}
