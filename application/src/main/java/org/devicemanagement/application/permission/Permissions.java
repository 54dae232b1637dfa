package org.devicemanagement.application.permission;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Graph permission names this product knows, and how other spellings map onto them. */
public final class Permissions {

  /** The privileged scope retire-all needs, as real tokens spell it. */
  public static final String PRIVILEGED_OPERATIONS_ALL =
      "DeviceManagementManagedDevices.PrivilegedOperations.All";

  /** Reads managed devices. */
  public static final String READ_ALL = "DeviceManagementManagedDevices.Read.All";

  /** Reads and writes managed devices. */
  public static final String READ_WRITE_ALL = "DeviceManagementManagedDevices.ReadWrite.All";

  /** Reads Intune's app and audit data, such as the audit trail. */
  public static final String APPS_READ_ALL = "DeviceManagementApps.Read.All";

  /** Reads and writes Intune's app and audit data. */
  public static final String APPS_READ_WRITE_ALL = "DeviceManagementApps.ReadWrite.All";

  /** Reads the basic profile of every user (delegated only). */
  public static final String USER_READ_BASIC_ALL = "User.ReadBasic.All";

  /** Reads every user's full profile. */
  public static final String USER_READ_ALL = "User.Read.All";

  /** Reads and writes every user's full profile. */
  public static final String USER_READ_WRITE_ALL = "User.ReadWrite.All";

  /** Reads the directory. */
  public static final String DIRECTORY_READ_ALL = "Directory.Read.All";

  /** Reads and writes the directory. */
  public static final String DIRECTORY_READ_WRITE_ALL = "Directory.ReadWrite.All";

  /** The seed page's long-standing typo of {@link #PRIVILEGED_OPERATIONS_ALL}. */
  public static final String PRIVILEGED_OPERATIONS_ALL_SEED_SPELLING =
      "DeviceManagementManagedDevices.PriviligedOperation.All";

  private static final List<Map.Entry<String, String>> ALIASES =
      List.of(Map.entry(PRIVILEGED_OPERATIONS_ALL_SEED_SPELLING, PRIVILEGED_OPERATIONS_ALL));

  private Permissions() {}

  /**
   * The key under which a permission name is compared: names compare ignoring the case of ASCII
   * letters only (as Entra compares them), and the seed's misspelling counts as the correct name.
   */
  public static String key(String permission) {
    return asciiLowerCase(canonical(permission));
  }

  /**
   * Whether {@code granted} and {@code accepted} name the same permission, by {@link #key} but
   * without building keys: this runs on every authorized request.
   */
  public static boolean same(String granted, String accepted) {
    return equalsIgnoringAsciiCase(canonical(granted), canonical(accepted));
  }

  private static String canonical(String permission) {
    Objects.requireNonNull(permission, "permission");
    // A scan (comparing lengths first) beats a case-insensitive map lookup for the one alias there
    // is, and needs no lower-cased copy of the name.
    for (Map.Entry<String, String> alias : ALIASES) {
      if (equalsIgnoringAsciiCase(alias.getKey(), permission)) {
        return alias.getValue();
      }
    }
    return permission;
  }

  /**
   * Whether {@code a} and {@code b} are equal when A-Z and a-z fold together and nothing else does.
   * Not {@link String#equalsIgnoreCase}: that also folds U+0131 (dotless i), U+017F (long s) and
   * U+212A (Kelvin sign) into ASCII letters, which would grant look-alike scope names.
   */
  private static boolean equalsIgnoringAsciiCase(String a, String b) {
    int length = a.length();
    if (length != b.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && asciiLowerCase(x) != asciiLowerCase(y)) {
        return false;
      }
    }
    return true;
  }

  private static String asciiLowerCase(String name) {
    char[] lowered = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char lower = asciiLowerCase(c);
      if (lower != c) {
        if (lowered == null) {
          lowered = name.toCharArray();
        }
        lowered[i] = lower;
      }
    }
    return lowered == null ? name : new String(lowered);
  }

  private static char asciiLowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
