package org.devicemanagement.bootstrap.cli;

import java.nio.file.Path;
import org.devicemanagement.bootstrap.security.DataDirectory;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option that serve and token share, so both find the same signing key. */
public final class DataDirOption {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = {
        "Signing key directory (and --store sqlite's file), created if missing;",
        "default: $HOME/.device-management (else Java's user.home)"
      })
  private Path dataDir = DataDirectory.defaultPath();

  /** The data directory given, or the default. */
  public Path path() {
    return dataDir;
  }
}
