package org.devicemanagement.bootstrap.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import org.devicemanagement.adapters.jdbc.JdbcStore;
import org.devicemanagement.application.permission.Operation;
import org.devicemanagement.application.permission.PermissionCatalog;
import org.devicemanagement.application.permission.PermissionTable;
import org.devicemanagement.application.permission.PermissionType;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.composition.ServedTenant;
import org.devicemanagement.bootstrap.config.Backend;
import org.devicemanagement.bootstrap.config.ServerSettings;
import org.devicemanagement.bootstrap.gateway.GatewaySettings;
import org.devicemanagement.bootstrap.security.DataDirectory;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.devicemanagement.domain.User;

/**
 * What {@code serve} prints once it listens: the base URL, the permission table in force, the
 * tenant's users and the exact commands to get a token and call the API.
 */
public final class StartupBanner {

  /** How the command is started when the running code is not a jar (for example in an IDE). */
  public static final String DEFAULT_LAUNCHER = "java -jar bootstrap/target/device-management.jar";

  private StartupBanner() {}

  /** The banner of {@code server}, telling people to run {@code launcher} for tokens. */
  public static String render(
      DeviceManagementServer server, ServerSettings settings, String launcher) {
    StringBuilder text = new StringBuilder();
    String base = server.baseUri().resolve("v1.0").toString();
    PermissionCatalog catalog = settings.permissionCatalog();
    text.append("device-management ").append(VersionProvider.version()).append('\n');
    line(text, "Graph base URL", base + "   (/beta answers too)");
    line(
        text,
        "Backend",
        server.store().isPresent()
            ? "the emulator's tenant (--backend memory; graph for a Graph gateway)"
            : "in-memory tenant (--backend memory; graph for a Graph gateway)");
    line(
        text,
        "Store",
        server.store().map(JdbcStore::describe).orElse(settings.store().description()));
    line(text, "Tenant", server.tenant().orElseThrow().description());
    if (settings.backend() instanceof Backend.Emulator emulator) {
      line(text, "Clock", server.clockDescription());
      line(
          text,
          "Control API",
          emulator.control().enabledOn(settings.host())
              ? server.baseUri().resolve("_emulator/")
                  + "   (open it in a browser for the web console; journal of "
                  + emulator.control().journalSize()
                  + " requests; --control off to close it)"
              : "off (--control on opens /_emulator/)");
    }
    line(text, "Signing key", server.signingKeys().orElseThrow().file().toString());
    line(text, "Limits", settings.limits().description());
    text.append('\n');
    appendPermissions(text, catalog);
    text.append('\n');
    String exampleUser = appendUsers(text, server.tenant().orElseThrow());
    text.append('\n');
    String dataDirOption =
        settings.dataDir().toAbsolutePath().normalize().equals(DataDirectory.defaultPath())
            ? ""
            : " --data-dir " + quote(settings.dataDir().toString());
    text.append("Get a token (delegated, default scopes) and call the API:\n");
    text.append("  TOKEN=$(")
        .append(launcher)
        .append(" token")
        .append(dataDirOption)
        .append(" --user ")
        .append(exampleUser)
        .append(")\n");
    String userUrl = base + "/users/" + exampleUser;
    text.append("  curl -i -X POST -H \"Authorization: Bearer $TOKEN\" ")
        .append(userUrl)
        .append("/removeAllDevicesFromManagement\n");
    text.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ")
        .append(userUrl)
        .append("/managedDevices\n");
    text.append(
        "Other tokens: add --type personal | application, --scopes \"A B\", --lifetime -60.\n");
    text.append('\n');
    text.append("Stop with Ctrl-C or SIGTERM; in-flight requests finish first.\n");
    return text.toString();
  }

  /**
   * The banner of {@code server} as a gateway in front of Microsoft Graph: where it listens, which
   * Graph it calls, who verifies tokens, the permission table it enforces first, and how to call
   * it.
   */
  public static String renderGateway(
      DeviceManagementServer server, ServerSettings settings, GatewaySettings gateway) {
    StringBuilder text = new StringBuilder();
    String base = server.baseUri().resolve("v1.0").toString();
    text.append("device-management ").append(VersionProvider.version()).append('\n');
    line(text, "Graph base URL", base + "   (/beta answers too; both call the backend's version)");
    line(text, "Backend", "Microsoft Graph at " + gateway.graph().baseUrl() + " (--backend graph)");
    line(
        text,
        "Audit trail",
        server
            .store()
            .map(store -> "kept in the store " + store.describe())
            .orElse("in memory (--store sqlite keeps it)"));
    line(
        text,
        "Graph waits",
        String.format(
            Locale.ROOT,
            "connect %d s, response %d s, each Graph call %d s with up to %d retries",
            gateway.graph().connectTimeout().toSeconds(),
            gateway.graph().requestTimeout().toSeconds(),
            gateway.graph().callDeadline().toSeconds(),
            gateway.graph().maxRetries()));
    text.append('\n');
    text.append(GatewaySettings.TRUST_WARNING).append(".\n");
    text.append(
        "Each caller's own bearer token is passed on to Microsoft Graph, which is the authority\n");
    text.append(
        "on it; this gateway reads its claims (exp, nbf, aud, iss, tid, scp/roles) to enforce the\n");
    text.append("permission table below before calling Graph.\n");
    text.append('\n');
    appendPermissions(text, settings.permissionCatalog());
    text.append('\n');
    text.append(
        "Call it with a delegated Microsoft Graph token, for example from the Azure CLI:\n");
    text.append(
        "  TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv)\n");
    text.append("  curl -i -X POST -H \"Authorization: Bearer $TOKEN\" ")
        .append(base)
        .append("/users/<userPrincipalName>/removeAllDevicesFromManagement\n");
    text.append('\n');
    text.append("Stop with Ctrl-C or SIGTERM; in-flight requests finish first.\n");
    return text.toString();
  }

  /**
   * How this program was started: {@code java -jar <jar>} with the jar relative to the working
   * directory when it lies below it, else {@link #DEFAULT_LAUNCHER}.
   */
  public static String launcher() {
    try {
      CodeSource source = Main.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return DEFAULT_LAUNCHER;
      }
      Path location = Path.of(source.getLocation().toURI());
      if (!location.getFileName().toString().endsWith(".jar")) {
        return DEFAULT_LAUNCHER;
      }
      Path workingDirectory = Path.of("").toAbsolutePath();
      Path shown =
          location.startsWith(workingDirectory) ? workingDirectory.relativize(location) : location;
      return "java -jar " + quote(shown.toString());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return DEFAULT_LAUNCHER;
    }
  }

  private static void appendPermissions(StringBuilder text, PermissionCatalog catalog) {
    text.append("Permission table in force: ")
        .append(catalog.name())
        .append(" (choose with --permissions seed|current)\n");
    for (Operation operation : Operation.values()) {
      PermissionTable table = catalog.tableFor(operation);
      text.append("  ").append(operation.documentationTitle()).append('\n');
      for (PermissionType type : PermissionType.values()) {
        List<String> accepted = table.acceptedFor(type);
        text.append(
            String.format(
                Locale.ROOT,
                "    %-40s %s\n",
                type.displayName(),
                accepted.isEmpty() ? "Not supported" : String.join(", ", accepted)));
      }
    }
  }

  /** Appends the users table and returns the sign-in name to use in the examples. */
  private static String appendUsers(StringBuilder text, ServedTenant tenant) {
    List<User> users = tenant.users();
    text.append("Users (").append(users.size()).append("):\n");
    text.append(
        String.format(Locale.ROOT, "  %-36s %-36s %s\n", "userPrincipalName", "id", "devices"));
    String example = "<userPrincipalName>";
    int mostDevices = -1;
    for (User user : users) {
      int devices = tenant.listByUser(user).size();
      text.append(
          String.format(
              Locale.ROOT, "  %-36s %-36s %d\n", user.userPrincipalName(), user.id(), devices));
      if (devices > mostDevices) {
        mostDevices = devices;
        example = user.userPrincipalName();
      }
    }
    return example;
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "%-16s%s\n", label + ":", value));
  }

  private static String quote(String word) {
    return word.matches("[A-Za-z0-9_./@:=-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
