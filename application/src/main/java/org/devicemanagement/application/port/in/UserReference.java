package org.devicemanagement.application.port.in;

import java.util.Objects;

/**
 * How a request names its user: by object id, by sign-in name, or as the signed-in caller ({@code
 * /me}).
 */
public sealed interface UserReference {

  /** The user with this object id. */
  record ById(String id) implements UserReference {
    /** Checks that the id is present. */
    public ById {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("user id must not be blank");
      }
    }

    @Override
    public String text() {
      return id;
    }
  }

  /** The user with this userPrincipalName (compared ignoring case). */
  record ByUserPrincipalName(String userPrincipalName) implements UserReference {
    /** Checks that the name is present. */
    public ByUserPrincipalName {
      Objects.requireNonNull(userPrincipalName, "userPrincipalName");
      if (userPrincipalName.isBlank()) {
        throw new IllegalArgumentException("userPrincipalName must not be blank");
      }
    }

    @Override
    public String text() {
      return userPrincipalName;
    }
  }

  /** The signed-in user of a delegated call. */
  record SignedInUser() implements UserReference {
    @Override
    public String text() {
      return "me";
    }
  }

  /** The reference as the caller wrote it. */
  String text();

  /**
   * Reads the {@code {id | userPrincipalName}} segment of {@code /users/{...}}: as Graph does, a
   * GUID is an object id and anything else a sign-in name.
   */
  static UserReference parse(String idOrUserPrincipalName) {
    Objects.requireNonNull(idOrUserPrincipalName, "idOrUserPrincipalName");
    if (isObjectId(idOrUserPrincipalName)) {
      return new ById(idOrUserPrincipalName);
    }
    return new ByUserPrincipalName(idOrUserPrincipalName);
  }

  /** Whether {@code text} is written as an object id: a GUID, 8-4-4-4-12 hexadecimal digits. */
  static boolean isObjectId(String text) {
    return Guid.matches(Objects.requireNonNull(text, "text"));
  }

  /** The shape of a GUID: 8-4-4-4-12 hexadecimal digits. */
  final class Guid {
    private static final int LENGTH = 36;

    private Guid() {}

    // By hand rather than a regular expression: every request to /users/{id} passes through here.
    static boolean matches(String text) {
      if (text.length() != LENGTH) {
        return false;
      }
      for (int i = 0; i < LENGTH; i++) {
        char c = text.charAt(i);
        boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
        boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        boolean ok = dash ? c == '-' : hex;
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }
}
