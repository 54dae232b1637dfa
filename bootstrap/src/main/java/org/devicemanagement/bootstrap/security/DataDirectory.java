package org.devicemanagement.bootstrap.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The directory holding the server's secrets (the signing key), kept readable by its owner only. */
public final class DataDirectory {

  /** The directory's name under the user's home when none is given. */
  public static final String DEFAULT_NAME = ".device-management";

  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /** {@code ${user.home}/.device-management}, the default of both {@code serve} and {@code token}. */
  public static Path defaultPath() {
    return Path.of(System.getProperty("user.home"), DEFAULT_NAME);
  }

  /**
   * Returns {@code dir}, creating it (and missing parents) with owner-only permissions where the
   * file system supports POSIX permissions; an existing directory is left as it is.
   *
   * @throws SigningKeyException if the directory cannot be created
   */
  public static Path ensure(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return absolute;
    }
    try {
      if (supportsPosix(absolute)) {
        Files.createDirectories(
            absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      } else {
        Files.createDirectories(absolute);
      }
      return absolute;
    } catch (IOException e) {
      throw new SigningKeyException(
          "cannot create data directory %s: %s".formatted(absolute, describe(e)), e);
    }
  }

  static boolean supportsPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
