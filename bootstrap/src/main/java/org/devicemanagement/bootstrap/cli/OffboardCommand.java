package org.devicemanagement.bootstrap.cli;

import com.google.inject.Guice;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.graph.FixedGraphCredentials;
import org.devicemanagement.adapters.graph.GraphCredentials;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.graph.GraphTenant;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.adapters.jdbc.StoreException;
import org.devicemanagement.adapters.jdbc.StoreSettings;
import org.devicemanagement.application.failure.DeviceManagementException;
import org.devicemanagement.application.failure.InvalidRequestException;
import org.devicemanagement.application.offboarding.IntuneLimits;
import org.devicemanagement.application.offboarding.OffboardingPreview;
import org.devicemanagement.application.offboarding.OffboardingReport;
import org.devicemanagement.application.offboarding.RunStatus;
import org.devicemanagement.application.offboarding.UserOutcome;
import org.devicemanagement.application.port.in.PreviewOffboardingCommand;
import org.devicemanagement.application.port.in.ResumeOffboardingCommand;
import org.devicemanagement.application.port.in.StartOffboardingCommand;
import org.devicemanagement.application.service.OffboardingService;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.composition.OffboardModule;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.offboard.OffboardReportFiles;
import org.devicemanagement.bootstrap.offboard.OffboardText;
import org.devicemanagement.bootstrap.offboard.ProgressDisplay;
import org.devicemanagement.bootstrap.offboard.TokenFileCredentials;
import org.devicemanagement.bootstrap.offboard.UsersFile;
import org.devicemanagement.bootstrap.offboard.UsersFileException;
import org.devicemanagement.bootstrap.security.DataDirectory;
import org.devicemanagement.bootstrap.security.SigningKeyException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code offboard}: previews, then retires all devices of a list of users in batches under Intune's
 * limits, keeping a resumable record of the run.
 */
@Command(
    name = "offboard",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Retires all devices of each user in a file (leavers), through Microsoft Graph's"
          + " removeAllDevicesFromManagement in $batch requests of 20, under Intune's limits.",
      "Previews by default (nothing is changed); --execute retires. A run is kept in a store"
          + " and resumed with --resume RUN_ID after a crash, Ctrl-C or the daily limit.",
      "Exit codes: 0 every user done or nothing to do; 3 some users not found, refused, failed,"
          + " or still pending (the run stopped); 2 bad input; 1 a failure while running;"
          + " 130 interrupted (Ctrl-C)."
    })
public final class OffboardCommand implements Callable<Integer> {

  /** The environment variable the token is read from when no --token-file is given. */
  public static final String TOKEN_ENV = "DM_GRAPH_TOKEN";

  /** Exit code when some users need attention (not found, refused, failed or still pending). */
  public static final int EXIT_ATTENTION = 3;

  /** Exit code when the run was interrupted (Ctrl-C), as shells report SIGINT. */
  public static final int EXIT_INTERRUPTED = 130;

  /** The default SQLite file of the runs, in the data directory. */
  public static final String DEFAULT_STORE_FILE = "offboard.db";

  @Mixin private DataDirOption dataDir = new DataDirOption();

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description = {
        "The users to offboard, one a line: a sign-in name (name@domain) or an object id;",
        "blank lines and # comments skipped; a header line and other CSV columns ignored."
      })
  private @Nullable Path users;

  @Option(
      names = "--execute",
      description = "Retire for real; without it the command only previews.")
  private boolean execute;

  @Option(
      names = "--resume",
      paramLabel = "RUN_ID",
      description = "Continue a run where it stopped (users already ended are never sent again).")
  private @Nullable String resume;

  @Option(names = "--runs", description = "List the runs kept in the store, newest first.")
  private boolean listRuns;

  @Option(
      names = "--graph-base-url",
      paramLabel = "URL",
      description = "Microsoft Graph's root with its version (default: ${DEFAULT-VALUE}).")
  private URI graphBaseUrl = GraphSettings.GLOBAL;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = {
        "A file holding the delegated access token (re-read when it changes, so a script may",
        "refresh it during a long run); default: the environment variable " + TOKEN_ENV + "."
      })
  private @Nullable Path tokenFile;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "The run's report, JSON lines, one per user (default: offboard-RUN_ID.jsonl).")
  private @Nullable Path report;

  @Option(
      names = "--report-csv",
      paramLabel = "FILE",
      description = "Also write the report as CSV.")
  private @Nullable Path reportCsv;

  @Option(
      names = "--daily-limit",
      paramLabel = "N",
      description = {
        "Devices the tenant may retire per UTC day; a batch that would pass it is not started",
        "(default: ${DEFAULT-VALUE}, Intune's limit). Lower it when others retire devices too."
      })
  private int dailyLimit = IntuneLimits.PUBLISHED.dailyRetireLimit();

  @Option(
      names = "--progress",
      paramLabel = "auto|bar|lines",
      description = "A bar on a terminal, plain lines otherwise (auto, the default), or say which.")
  private String progress = "auto";

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description = {
        "Where runs are kept: sqlite[:FILE] (default: " + DEFAULT_STORE_FILE + " in --data-dir)",
        "or postgresql://HOST[:PORT]/DB (user and password from "
            + StoreOptions.USER_ENV
            + " and "
            + StoreOptions.PASSWORD_ENV
            + ", or --store-credentials-file)."
      })
  private @Nullable String store;

  @Option(
      names = "--store-credentials-file",
      paramLabel = "FILE",
      description = "With --store postgresql: user=NAME and password=SECRET lines (chmod 600).")
  private @Nullable Path storeCredentialsFile;

  @Spec private @Nullable CommandSpec spec;

  private final Map<String, String> environment;

  /** The command as the command line runs it, reading the process's environment. */
  public OffboardCommand() {
    this(System.getenv());
  }

  /** The command reading {@code environment} instead of the process's (tests). */
  public OffboardCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Integer call() {
    CommandLine commandLine = Objects.requireNonNull(spec, "spec").commandLine();
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    checkOptions(commandLine);
    StoreSettings settings = storeSettings(commandLine);
    JdbcStore runsStore;
    try {
      if (store == null || store.equalsIgnoreCase("sqlite")) {
        DataDirectory.ensure(dataDir.path());
      }
      runsStore = JdbcStore.open(settings);
    } catch (StoreException | SigningKeyException e) {
      err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
      err.flush();
      return Main.EXIT_FAILURE;
    }
    try (runsStore) {
      if (listRuns) {
        OffboardText.runs(runsStore.offboardingRuns().list(), out);
        return Main.EXIT_OK;
      }
      UsersFile.Contents contents = null;
      if (users != null) {
        try {
          contents = UsersFile.read(users);
        } catch (UsersFileException e) {
          err.println("error: " + e.getMessage());
          err.flush();
          return Main.EXIT_USAGE;
        }
        contents.notices().forEach(notice -> err.println("note: " + notice));
      }
      GraphCredentials credentials;
      try {
        credentials = credentials();
      } catch (IllegalArgumentException e) {
        err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
        err.println("see 'device-management offboard --help'");
        err.flush();
        return Main.EXIT_USAGE;
      }
      GraphTenant tenant = GraphTenant.connect(GraphSettings.defaults(graphBaseUrl), credentials);
      OffboardingService service =
          Guice.createInjector(
                  new OffboardModule(
                      tenant.bulkRetirement(),
                      runsStore.offboardingRuns(),
                      IntuneLimits.PUBLISHED.withDailyRetireLimit(dailyLimit)))
              .getInstance(OffboardingService.class);
      boolean terminal =
          switch (progress) {
            case "bar" -> true;
            case "lines" -> false;
            default -> onTerminal();
          };
      if (contents != null && !execute) {
        return preview(service, contents, err, out, terminal);
      }
      return run(service, contents, err, out, terminal);
    }
  }

  private int preview(
      OffboardingService service,
      UsersFile.Contents contents,
      PrintWriter err,
      PrintWriter out,
      boolean terminal) {
    ProgressDisplay display = new ProgressDisplay(err, terminal, "reading", System::nanoTime);
    OffboardingPreview preview;
    try {
      preview = service.preview(new PreviewOffboardingCommand(contents.users(), display));
    } catch (DeviceManagementException e) {
      display.finish();
      err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
      err.flush();
      return Main.EXIT_FAILURE;
    }
    display.finish();
    OffboardText.preview(preview, out);
    boolean allFound =
        preview.users().size() == contents.users().size()
            && preview.users().stream()
                .allMatch(
                    u ->
                        u.outcome() == UserOutcome.PENDING
                            || u.outcome() == UserOutcome.NOTHING_TO_DO);
    return allFound ? Main.EXIT_OK : EXIT_ATTENTION;
  }

  private int run(
      OffboardingService service,
      UsersFile.@Nullable Contents contents,
      PrintWriter err,
      PrintWriter out,
      boolean terminal) {
    ProgressDisplay display = new ProgressDisplay(err, terminal, "retiring", System::nanoTime);
    CountDownLatch recorded = new CountDownLatch(1);
    Thread onCtrlC =
        new Thread(
            () -> {
              display.requestStop();
              try {
                // Let the run record the batch in flight and print its summary before exit.
                recorded.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "offboard-stop");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    long started = System.nanoTime();
    try {
      OffboardingReport result;
      try {
        result =
            contents != null
                ? service.start(
                    new StartOffboardingCommand(
                        contents.users(),
                        Objects.requireNonNull(users).toAbsolutePath().toString(),
                        display))
                : service.resume(
                    new ResumeOffboardingCommand(Objects.requireNonNull(resume), display));
      } catch (InvalidRequestException e) {
        display.finish();
        err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
        err.flush();
        return Main.EXIT_USAGE;
      }
      display.finish();
      OffboardText.summary(result, Duration.ofNanos(System.nanoTime() - started), out);
      try {
        Path jsonLines =
            report != null ? report : Path.of("offboard-" + result.run().id() + ".jsonl");
        OffboardReportFiles.writeJsonLines(result, jsonLines);
        out.println("Report: " + jsonLines);
        if (reportCsv != null) {
          OffboardReportFiles.writeCsv(result, reportCsv);
          out.println("Report (CSV): " + reportCsv);
        }
      } catch (IOException e) {
        out.flush();
        err.println("error: cannot write the report: " + Main.oneLine(String.valueOf(e)));
        err.flush();
        return Main.EXIT_FAILURE;
      }
      out.flush();
      return exitCode(result);
    } finally {
      recorded.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException e) {
        // Already shutting down (Ctrl-C): the hook is running and now returns.
      }
    }
  }

  /** Whether standard output is a terminal (a person watching, not a file or a pipe). */
  @SuppressWarnings("SystemConsoleNull") // isTerminal() is asked where it exists (Java 22+).
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ returns a console for redirected output too; only isTerminal() tells.
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  private static int exitCode(OffboardingReport result) {
    RunStatus status = result.run().status();
    if (status == RunStatus.INTERRUPTED) {
      return EXIT_INTERRUPTED;
    }
    if (status == RunStatus.STOPPED_BY_FAILURE) {
      return Main.EXIT_FAILURE;
    }
    return result.run().counts().allFine() ? Main.EXIT_OK : EXIT_ATTENTION;
  }

  private void checkOptions(CommandLine commandLine) {
    int modes = (users != null ? 1 : 0) + (resume != null ? 1 : 0) + (listRuns ? 1 : 0);
    if (modes != 1) {
      throw new ParameterException(
          commandLine, "give one of --users FILE (a new run), --resume RUN_ID or --runs");
    }
    if (execute && users == null) {
      throw new ParameterException(commandLine, "--execute goes with --users FILE");
    }
    if ((report != null || reportCsv != null) && users != null && !execute) {
      throw new ParameterException(
          commandLine, "--report and --report-csv are written by a run: add --execute");
    }
    if (dailyLimit < 1) {
      throw new ParameterException(
          commandLine, "--daily-limit must be at least 1, was " + dailyLimit);
    }
    if (!progress.equals("auto") && !progress.equals("bar") && !progress.equals("lines")) {
      throw new ParameterException(
          commandLine, "--progress is auto, bar or lines, not '" + progress + "'");
    }
    try {
      GraphSettings.defaults(graphBaseUrl);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, "--graph-base-url: " + e.getMessage(), e);
    }
  }

  private StoreSettings storeSettings(CommandLine commandLine) {
    String chosen = store != null ? store : "sqlite:" + dataDir.path().resolve(DEFAULT_STORE_FILE);
    StoreChoice choice;
    try {
      choice =
          StoreOptions.choose(
              chosen, null, storeCredentialsFile, false, dataDir.path(), environment);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, String.valueOf(e.getMessage()), e);
    }
    if (!(choice instanceof StoreChoice.Durable durable)) {
      throw new ParameterException(
          commandLine,
          "--store memory cannot keep a run to resume: use sqlite[:FILE] or postgresql://...");
    }
    return durable.settings();
  }

  private GraphCredentials credentials() {
    if (tokenFile != null) {
      return TokenFileCredentials.open(tokenFile);
    }
    String token = environment.get(TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "no access token: give --token-file FILE or set " + TOKEN_ENV);
    }
    return new FixedGraphCredentials(
        TokenFileCredentials.checked(token, "the environment variable " + TOKEN_ENV));
  }
}
