package org.devicemanagement.bootstrap.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.devicemanagement.adapters.graph.GraphSettings;
import org.devicemanagement.adapters.jdbc.StoreException;
import org.devicemanagement.adapters.memory.TenantFileException;
import org.devicemanagement.adapters.rest.limits.LimitsMode;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.composition.StoreSeedingException;
import org.devicemanagement.bootstrap.config.Backend;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.config.ControlSettings;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.config.StoreChoice;
import org.devicemanagement.bootstrap.config.TenantSource;
import org.devicemanagement.bootstrap.config.TlsKeystore;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.logging.Logging;
import org.devicemanagement.bootstrap.security.SigningKeyException;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.bootstrap.server.ServerStartException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the Graph-compatible server until SIGTERM or Ctrl-C, then stops gracefully.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Serves the Graph API (/v1.0 and /beta) over the demo tenant or a tenant file.",
      "Tokens from the token command with the same --data-dir are accepted."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port = ServerSettings.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Interface to listen on; 0.0.0.0 for all (default: ${DEFAULT-VALUE}).")
  private String host = ServerSettings.DEFAULT_HOST;

  @Mixin private DataDirOption dataDir = new DataDirOption();

  @Option(
      names = "--tenant",
      paramLabel = "FILE",
      description = {
        "Graph-shaped JSON tenant file to serve instead of the demo tenant; with a durable",
        "--store, seeds it when empty (see --replace-tenant)."
      })
  private @Nullable Path tenantFile;

  @Mixin private StoreOptions store = new StoreOptions();

  @Option(
      names = "--permissions",
      paramLabel = "TABLE",
      description =
          "Permission table: seed (the seed page, default) or current (also Application).")
  private String permissions = ServerSettings.DEFAULT_PERMISSIONS;

  @Option(
      names = "--clock",
      paramLabel = "CLOCK",
      description = {
        "system (default): devices check in as their intervals fall due in real time;",
        "virtual[=2026-01-01T00:00:00Z]: time stands still (at the start's real time when no",
        "instant is given) until POST /_emulator/clock/advance. Tokens use real time."
      })
  private String clock = "system";

  @Option(
      names = "--backend",
      paramLabel = "BACKEND",
      description = {
        "memory (default): serve the in-memory tenant;",
        "graph: a gateway in front of Microsoft Graph, passing each caller's token on."
      })
  private String backend = "memory";

  @Option(
      names = "--graph-base-url",
      paramLabel = "URL",
      description = {"Graph root with version for --backend graph;", "default: ${DEFAULT-VALUE}"})
  private URI graphBaseUrl = GraphSettings.GLOBAL;

  @Option(
      names = "--graph-max-concurrent-calls",
      paramLabel = "N",
      description = {
        "With --backend graph: calls to Graph in flight at once; one more is answered 503 at once;",
        "default: " + GraphSettings.DEFAULT_MAX_CONCURRENT_CALLS
      })
  private @Nullable Integer graphMaxConcurrentCalls;

  @Option(
      names = "--limits",
      paramLabel = "LIMITS",
      description = {
        "off (default), intune (Intune's throttling, 429 with Retry-After, and its daily",
        "limit of 1,000 retired devices) or intune-no-retry-after (429s without Retry-After)."
      })
  private String limits = LimitsMode.OFF.optionValue();

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE.p12",
      description = {
        "Serve HTTPS with the key and certificate in this PKCS12 keystore.",
        "Its password is read from --tls-keystore-password-file, else from the environment",
        "variable " + TlsKeystore.PASSWORD_ENV + "; never from the command line."
      })
  private @Nullable Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the keystore password.")
  private @Nullable Path tlsPasswordFile;

  @Option(
      names = "--control",
      paramLabel = "on|off",
      description = {
        "The control API under /_emulator/ (tenant, clock, faults, journal; no token);",
        "default: on only when listening on a loopback address. Never in the gateway."
      })
  private @Nullable String control;

  @Option(
      names = "--journal-size",
      paramLabel = "N",
      description = "Requests the control API's journal keeps; 0 turns it off (default: 10000).")
  private @Nullable Integer journalSize;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine commandLine = Objects.requireNonNull(spec, "spec").commandLine();
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    ServerSettings settings = settings(commandLine);
    @Nullable GatewaySettings gateway = gateway(commandLine);
    if (gateway != null) {
      if (store.replaceTenant()) {
        throw new ParameterException(
            commandLine, "--replace-tenant is for the emulator: the gateway never seeds a tenant");
      }
      if (tenantFile != null) {
        throw new ParameterException(
            commandLine,
            "--tenant is for the emulator: the gateway serves Microsoft Graph's tenant, not a file");
      }
      if (settings.limits().applies()) {
        throw new ParameterException(
            commandLine, "--limits applies to the emulator only, not to --backend graph");
      }
      settings = settings.withGateway(gateway);
    }
    Optional<SSLContext> tls = tls(commandLine);
    DeviceManagementServer server;
    try {
      server = DeviceManagementServer.start(settings, tls);
    } catch (TenantFileException | StoreSeedingException e) {
      err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
      err.flush();
      return Main.EXIT_USAGE;
    } catch (SigningKeyException | ServerStartException | StoreException e) {
      err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
      err.flush();
      return Main.EXIT_FAILURE;
    }
    out.print(
        gateway == null
            ? StartupBanner.render(server, settings, StartupBanner.launcher())
            : StartupBanner.renderGateway(server, settings, gateway));
    out.flush();
    stopOnShutdown(server);
    server.awaitStop();
    return Main.EXIT_OK;
  }

  private ServerSettings settings(CommandLine commandLine) {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          commandLine,
          "Invalid value for option '--port': %d is not between 0 and 65535".formatted(port));
    }
    try {
      // Jetty would fail the start with "Failed to bind to <host>/<unresolved>:<port>" instead.
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ParameterException(
          commandLine, "Invalid value for option '--host': cannot resolve '%s'".formatted(host));
    }
    try {
      PermissionCatalog.named(permissions);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          commandLine,
          "Invalid value for option '--permissions': '%s' (expected seed or current)"
              .formatted(permissions));
    }
    try {
      TenantSource tenant =
          tenantFile == null ? TenantSource.demo() : TenantSource.file(tenantFile);
      return new ServerSettings(
          host,
          port,
          dataDir.path(),
          Backend.emulator(tenant, clock(commandLine), controlSettings(commandLine)),
          permissions,
          ServerSettings.DEFAULT_SHUTDOWN_GRACE,
          limitsMode(commandLine),
          storeChoice(commandLine));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, String.valueOf(e.getMessage()));
    }
  }

  private StoreChoice storeChoice(CommandLine commandLine) {
    if (store.replaceTenant() && tenantFile == null) {
      throw new ParameterException(
          commandLine, "--replace-tenant needs --tenant FILE: the tenant to replace with");
    }
    return store.choice(dataDir.path(), System.getenv());
  }

  private ClockSetting clock(CommandLine commandLine) {
    try {
      return ClockSetting.parse(clock, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          commandLine, "Invalid value for option '--clock': " + e.getMessage());
    }
  }

  private ControlSettings controlSettings(CommandLine commandLine) {
    ControlSettings settings = ControlSettings.defaults();
    if (control != null) {
      settings =
          switch (control.toLowerCase(Locale.ROOT)) {
            case "on" -> settings.withEnabled(true);
            case "off" -> settings.withEnabled(false);
            default ->
                throw new ParameterException(
                    commandLine,
                    "Invalid value for option '--control': '%s' (expected on or off)"
                        .formatted(control));
          };
    }
    if (journalSize != null) {
      try {
        settings = settings.withJournalSize(journalSize);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            commandLine, "Invalid value for option '--journal-size': " + e.getMessage());
      }
    }
    return settings;
  }

  private LimitsMode limitsMode(CommandLine commandLine) {
    try {
      return LimitsMode.parse(limits);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          commandLine, "Invalid value for option '--limits': " + e.getMessage());
    }
  }

  private @Nullable GatewaySettings gateway(CommandLine commandLine) {
    return switch (backend.toLowerCase(Locale.ROOT)) {
      case "memory" -> {
        if (graphMaxConcurrentCalls != null) {
          throw new ParameterException(
              commandLine, "--graph-max-concurrent-calls is for --backend graph");
        }
        yield null;
      }
      case "graph" -> {
        if (!clock.equalsIgnoreCase("system")) {
          throw new ParameterException(
              commandLine, "--clock is the emulator's; the gateway runs on Graph's own time");
        }
        if (control != null || journalSize != null) {
          throw new ParameterException(
              commandLine,
              "--control and --journal-size are for the emulator: the gateway has none");
        }
        GatewaySettings settings;
        try {
          settings = GatewaySettings.defaults(graphBaseUrl);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(
              commandLine, "Invalid value for option '--graph-base-url': " + e.getMessage());
        }
        if (graphMaxConcurrentCalls != null) {
          try {
            settings =
                new GatewaySettings(
                    settings.graph().withMaxConcurrentCalls(graphMaxConcurrentCalls),
                    settings.tenantCustomizer());
          } catch (IllegalArgumentException e) {
            throw new ParameterException(
                commandLine,
                "Invalid value for option '--graph-max-concurrent-calls': " + e.getMessage());
          }
        }
        yield settings;
      }
      default ->
          throw new ParameterException(
              commandLine,
              "Invalid value for option '--backend': '%s' (expected memory or graph)"
                  .formatted(backend));
    };
  }

  private Optional<SSLContext> tls(CommandLine commandLine) {
    if (tlsKeystore == null) {
      if (tlsPasswordFile != null) {
        throw new ParameterException(
            commandLine, "--tls-keystore-password-file needs --tls-keystore");
      }
      return Optional.empty();
    }
    try {
      char[] password;
      if (tlsPasswordFile != null) {
        password = TlsKeystore.passwordFromFile(tlsPasswordFile);
      } else {
        String fromEnvironment = System.getenv(TlsKeystore.PASSWORD_ENV);
        if (fromEnvironment == null || fromEnvironment.isEmpty()) {
          throw new ParameterException(
              commandLine,
              "--tls-keystore needs its password: give --tls-keystore-password-file FILE or set "
                  + TlsKeystore.PASSWORD_ENV);
        }
        password = fromEnvironment.toCharArray();
      }
      return Optional.of(TlsKeystore.load(tlsKeystore, password));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, String.valueOf(e.getMessage()));
    }
  }

  private static void stopOnShutdown(DeviceManagementServer server) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  Logging.flushAndStop();
                  // SIGTERM and Ctrl-C would otherwise exit with 143 or 130: a graceful stop
                  // after a signal is the normal way to end serve, so report success.
                  Runtime.getRuntime().halt(Main.EXIT_OK);
                },
                "device-management-shutdown"));
  }
}
