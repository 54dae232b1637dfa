package org.devicemanagement.bootstrap.offboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import org.devicemanagement.adapters.graph.GraphCredentials;
import org.jspecify.annotations.Nullable;

/**
 * The bearer token of {@code offboard}, read from a file and read again whenever the file changes,
 * so that a long run picks up a token a script refreshes beside it.
 */
public final class TokenFileCredentials implements GraphCredentials {

  private final Path file;
  private @Nullable FileTime readAt;
  private String token;

  private TokenFileCredentials(Path file, String token, FileTime readAt) {
    this.file = file;
    this.token = token;
    this.readAt = readAt;
  }

  /**
   * Reads the token in {@code file} now.
   *
   * @throws IllegalArgumentException if the file cannot be read or holds no token
   */
  public static TokenFileCredentials open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return new TokenFileCredentials(file, read(file), modified);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the token file %s: %s"
              .formatted(
                  file,
                  e instanceof java.nio.file.NoSuchFileException
                      ? "no such file"
                      : e instanceof java.nio.file.AccessDeniedException
                          ? "permission denied"
                          : e.getMessage()));
    }
  }

  /**
   * Checks {@code token} as a bearer token: one word of printable ASCII.
   *
   * @throws IllegalArgumentException if it is empty or has spaces or other characters
   */
  public static String checked(String token, String from) {
    String value = token.strip();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).strip();
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("%s holds no token".formatted(from));
    }
    if (!value.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException(
          "%s does not hold one token (a single word of printable characters)".formatted(from));
    }
    return value;
  }

  private static String read(Path file) throws IOException {
    return checked(Files.readString(file, StandardCharsets.UTF_8), "the token file " + file);
  }

  @Override
  public synchronized String bearerToken() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      if (!modified.equals(readAt)) {
        token = read(file);
        readAt = modified;
      }
    } catch (IOException | IllegalArgumentException e) {
      // Mid-rewrite by a refreshing script: keep the token read last, which Graph judges.
    }
    return token;
  }

  @Override
  public String toString() {
    return "TokenFileCredentials[" + file + "]";
  }
}
