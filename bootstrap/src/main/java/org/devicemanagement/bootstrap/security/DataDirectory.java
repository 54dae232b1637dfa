package org.devicemanagement.bootstrap.security;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The directory holding the server's secrets (the signing key), kept readable by its owner only.
 */
public final class DataDirectory {

  /** The directory's name under the user's home when none is given. */
  public static final String DEFAULT_NAME = ".device-management";

  static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /**
   * {@code $HOME/.device-management}, the default of both {@code serve} and {@code token}; without
   * a {@code HOME} variable, under Java's {@code user.home}.
   */
  public static Path defaultPath() {
    return defaultPath(System.getenv(), System.getProperty("user.home", ""));
  }

  /**
   * The default directory under {@code environment}'s {@code HOME} when it is set and not empty,
   * else under {@code userHome}.
   */
  static Path defaultPath(Map<String, String> environment, String userHome) {
    // Like the shell's ~: Java's user.home is the account's home from the password database, which
    // ignores a HOME set for one run (HOME=/tmp/demo device-management serve).
    @Nullable String home = environment.get("HOME");
    return Path.of(home == null || home.isEmpty() ? userHome : home, DEFAULT_NAME);
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
          "cannot create data directory %s: %s".formatted(absolute, describe(e, absolute)), e);
    }
  }

  static boolean supportsPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Why {@code e} happened, in plain words ("permission denied", "not a directory", ...), preceded
   * by the file it happened on when that is not {@code subject}; never just a path.
   */
  static String describe(IOException e, Path subject) {
    String reason = reason(e);
    if (e instanceof FileSystemException failure && failure.getFile() != null) {
      String failed = failure.getFile();
      if (!sameFile(failed, subject)) {
        return failed + ": " + reason;
      }
    }
    return reason;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it exists and is not a directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    // A FileSystemException's message starts with its file; its reason is the system's own words.
    @Nullable String words =
        e instanceof FileSystemException failure ? failure.getReason() : e.getMessage();
    if (words == null || words.isBlank()) {
      Class<?> kind = e.getClass();
      return kind == IOException.class || kind == FileSystemException.class
          ? "input/output error"
          : wordsOf(kind.getSimpleName());
    }
    return lowerFirst(words.strip());
  }

  private static boolean sameFile(String failed, Path subject) {
    try {
      return Path.of(failed)
          .toAbsolutePath()
          .normalize()
          .equals(subject.toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** "DirectoryNotEmptyException" as "directory not empty". */
  private static String wordsOf(String className) {
    String name =
        className.endsWith("Exception")
            ? className.substring(0, className.length() - "Exception".length())
            : className;
    return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
  }

  /** "Read-only file system" as "read-only file system", leaving "IO error" as it is. */
  private static String lowerFirst(String words) {
    if (words.length() > 1
        && Character.isUpperCase(words.charAt(0))
        && !Character.isUpperCase(words.charAt(1))) {
      return Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }
    return words;
  }
}
