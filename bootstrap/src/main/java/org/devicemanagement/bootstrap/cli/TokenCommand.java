package org.devicemanagement.bootstrap.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.devicemanagement.bootstrap.Main;
import org.devicemanagement.bootstrap.security.SigningKeyException;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.bootstrap.security.TokenRequest;
import org.devicemanagement.bootstrap.security.TokenType;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code token}: prints one access token, signed with the data directory's key, and nothing else.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Prints one Entra-v1-shaped access token for Microsoft Graph, signed with the key in the data"
          + " directory (created if missing), so a server using the same directory accepts it."
    })
public final class TokenCommand implements Callable<Integer> {

  @Mixin private DataDirOption dataDir = new DataDirOption();

  @Option(
      names = "--user",
      paramLabel = "ID_OR_UPN",
      description =
          "The signed-in user: an object id (GUID, becomes oid) or a userPrincipalName (becomes"
              + " upn and unique_name). Required except for --type application, which ignores it.")
  private @Nullable String user;

  @Option(
      names = "--scopes",
      paramLabel = "\"A B\"",
      description = {
        "Space-separated scopes (delegated, personal) or app roles (application).",
        "Default scopes: DeviceManagementManagedDevices.PrivilegedOperations.All and"
            + " DeviceManagementManagedDevices.Read.All; default role:"
            + " DeviceManagementManagedDevices.Read.All."
      })
  private @Nullable String scopes;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "delegated (work or school, default), personal or application.")
  private TokenType type = TokenType.DELEGATED;

  @Option(
      names = "--lifetime",
      paramLabel = "SECONDS",
      description = "Lifetime in seconds; negative mints an already expired token (default: 3600).")
  private long lifetime = TokenRequest.DEFAULT_LIFETIME.toSeconds();

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine commandLine = Objects.requireNonNull(spec, "spec").commandLine();
    TokenRequest request = request(commandLine);
    SigningKeys keys;
    try {
      keys = SigningKeys.loadOrCreate(dataDir.path());
    } catch (SigningKeyException e) {
      PrintWriter err = commandLine.getErr();
      err.println("error: " + Main.oneLine(String.valueOf(e.getMessage())));
      err.flush();
      return Main.EXIT_FAILURE;
    }
    PrintWriter out = commandLine.getOut();
    out.println(new TokenMinter(keys.privateKey(), Clock.systemUTC()).mint(request));
    out.flush();
    return Main.EXIT_OK;
  }

  private TokenRequest request(CommandLine commandLine) {
    if (type.isDelegated() && user == null) {
      throw new ParameterException(
          commandLine,
          "Missing required option: '--user=ID_OR_UPN' (needed for %s tokens)"
              .formatted(type.cliName()));
    }
    List<String> permissions = scopes == null ? type.defaultPermissions() : split(scopes);
    try {
      return new TokenRequest(
          type,
          type.isDelegated() ? Optional.ofNullable(user) : Optional.empty(),
          permissions,
          Duration.ofSeconds(lifetime));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, String.valueOf(e.getMessage()));
    }
  }

  private static List<String> split(String permissions) {
    return Arrays.stream(permissions.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
  }
}
