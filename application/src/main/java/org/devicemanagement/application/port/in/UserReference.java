package org.devicemanagement.application.port.in;

import java.util.Objects;
import java.util.regex.Pattern;

/** How a request names its user: by object id, by sign-in name, or as the signed-in caller ({@code /me}). */
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
    if (Guid.PATTERN.matcher(idOrUserPrincipalName).matches()) {
      return new ById(idOrUserPrincipalName);
    }
    return new ByUserPrincipalName(idOrUserPrincipalName);
  }

  /** The shape of a GUID. */
  final class Guid {
    static final Pattern PATTERN =
        Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guid() {}
  }
}
