package org.devicemanagement.bootstrap.offboard;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.devicemanagement.application.offboarding.OffboardingUser;

/**
 * Reads the users file of {@code offboard}: one user a line, by sign-in name ({@code name@domain})
 * or object id (a GUID); blank lines and lines starting with {@code #} are skipped; a first line
 * that is a column header ({@code userPrincipalName}, {@code upn}, {@code id}, {@code mail}, {@code
 * user}) is skipped; in a CSV line the first column is taken.
 */
public final class UsersFile {

  /** The most bad lines a failure names one by one. */
  static final int NAMED_BAD_LINES = 10;

  private static final int LONGEST_NAME = 256;
  // A million users at the longest names fit; anything bigger is not a list of leavers.
  private static final long LARGEST_FILE = 64L * 1024 * 1024;
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // Entra allows more in a local part than a URL segment likes; what it allows is encoded when
  // sent.
  private static final Pattern UPN =
      Pattern.compile("[^\\s@/\\\\?\"<>\\p{Cntrl}]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Set<String> HEADERS =
      Set.of("userprincipalname", "upn", "id", "objectid", "mail", "user", "email");

  private UsersFile() {}

  /**
   * The users {@code file} names, in order, with the notices a person should see (repeated users).
   *
   * @throws UsersFileException naming the file and, for bad lines, each line's number and why
   */
  public static Contents read(Path file) {
    String text;
    try {
      if (Files.size(file) > LARGEST_FILE) {
        throw new UsersFileException(
            "the users file %s is larger than %d MiB: split it into several runs"
                .formatted(file, LARGEST_FILE / (1024 * 1024)));
      }
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new UsersFileException("cannot read the users file %s: no such file".formatted(file));
    } catch (CharacterCodingException e) {
      throw new UsersFileException(
          "cannot read the users file %s: it is not UTF-8 text".formatted(file));
    } catch (IOException e) {
      throw new UsersFileException(
          "cannot read the users file %s: %s".formatted(file, describe(e)));
    }
    return parse(file.toString(), text);
  }

  /** The users {@code text} names; {@code name} says where it came from in messages. */
  static Contents parse(String name, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<OffboardingUser> users = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    int badCount = 0;
    List<String> notices = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    boolean first = true;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String value = firstColumn(line);
      if (first) {
        first = false;
        if (HEADERS.contains(value.toLowerCase(Locale.ROOT))) {
          continue;
        }
      }
      String why = problem(value);
      if (why != null) {
        badCount++;
        if (bad.size() < NAMED_BAD_LINES) {
          bad.add("line %d: %s".formatted(number, why));
        }
        continue;
      }
      Integer earlier = firstLine.putIfAbsent(value.toLowerCase(Locale.ROOT), number);
      if (earlier != null) {
        notices.add(
            "line %d repeats line %d (%s): the user is offboarded once"
                .formatted(number, earlier, value));
        continue;
      }
      users.add(new OffboardingUser(number, value));
    }
    if (badCount > 0) {
      StringBuilder message =
          new StringBuilder(
              ("the users file %s has %d bad line%s (each line names one user: name@domain or an"
                      + " object id):")
                  .formatted(name, badCount, badCount == 1 ? "" : "s"));
      bad.forEach(b -> message.append(System.lineSeparator()).append("  ").append(b));
      if (badCount > bad.size()) {
        message
            .append(System.lineSeparator())
            .append("  and %d more".formatted(badCount - bad.size()));
      }
      throw new UsersFileException(message.toString());
    }
    if (users.isEmpty()) {
      throw new UsersFileException(
          "the users file %s names no user (one a line: name@domain or an object id)"
              .formatted(name));
    }
    return new Contents(users, notices);
  }

  private static String firstColumn(String line) {
    String value = line;
    int comma = line.indexOf(',');
    int semicolon = line.indexOf(';');
    int tab = line.indexOf('\t');
    int cut = -1;
    for (int at : new int[] {comma, semicolon, tab}) {
      if (at >= 0 && (cut < 0 || at < cut)) {
        cut = at;
      }
    }
    if (cut >= 0) {
      value = line.substring(0, cut);
    }
    value = value.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1).strip();
    }
    return value;
  }

  private static @org.jspecify.annotations.Nullable String problem(String value) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    if (value.length() > LONGEST_NAME) {
      return "'%s' is longer than %d characters".formatted(shown, LONGEST_NAME);
    }
    if (GUID.matcher(value).matches() || UPN.matcher(value).matches()) {
      return null;
    }
    return "'%s' is neither a sign-in name (name@domain) nor an object id (GUID)"
        .formatted(shown.replaceAll("\\p{Cntrl}", "?"));
  }

  private static String describe(IOException e) {
    String reason = e.getMessage();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e.getClass().getSimpleName().equals("FileSystemException") && reason != null) {
      return reason;
    }
    return reason == null ? e.getClass().getSimpleName() : reason;
  }

  /**
   * A users file, read.
   *
   * @param users the users, in order, each once
   * @param notices what a person should know (repeated users), one a line
   */
  public record Contents(List<OffboardingUser> users, List<String> notices) {
    /** Copies the lists. */
    public Contents {
      users = List.copyOf(users);
      notices = List.copyOf(notices);
    }
  }
}
