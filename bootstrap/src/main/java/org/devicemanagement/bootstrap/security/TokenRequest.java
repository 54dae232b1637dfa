package org.devicemanagement.bootstrap.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.application.port.in.UserReference;

/**
 * What a minted token says: its type, the user it is for (an object id or a userPrincipalName;
 * ignored for applications), its scopes or roles and its lifetime (negative: already expired).
 */
public record TokenRequest(
    TokenType type, Optional<String> user, List<String> permissions, Duration lifetime) {

  /** The lifetime of a token when none is asked for. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** Checks that delegated tokens name a user by object id (GUID) or userPrincipalName. */
  public TokenRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(lifetime, "lifetime");
    permissions = List.copyOf(permissions);
    for (String permission : permissions) {
      if (permission.isBlank() || permission.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "permission '%s' must be one word without spaces".formatted(permission));
      }
    }
    if (type.isDelegated()) {
      String name =
          user.orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "a %s token needs a user (object id or userPrincipalName)"
                          .formatted(type.cliName())));
      if (!isObjectId(name) && !isUserPrincipalName(name)) {
        throw new IllegalArgumentException(
            "user '%s' is neither an object id (GUID) nor a userPrincipalName (name@domain)"
                .formatted(name));
      }
    }
  }

  /** A delegated work-or-school token for {@code user} with the default scopes and lifetime. */
  public static TokenRequest delegated(String user) {
    return of(TokenType.DELEGATED, user);
  }

  /** A token of {@code type} for {@code user} with that type's default permissions and lifetime. */
  public static TokenRequest of(TokenType type, String user) {
    return new TokenRequest(type, Optional.of(user), type.defaultPermissions(), DEFAULT_LIFETIME);
  }

  /** An application token with the default roles and lifetime. */
  public static TokenRequest application() {
    return new TokenRequest(
        TokenType.APPLICATION,
        Optional.empty(),
        TokenType.APPLICATION.defaultPermissions(),
        DEFAULT_LIFETIME);
  }

  /** This request with {@code newPermissions} as its scopes or roles. */
  public TokenRequest withPermissions(List<String> newPermissions) {
    return new TokenRequest(type, user, newPermissions, lifetime);
  }

  /** This request with {@code newLifetime}. */
  public TokenRequest withLifetime(Duration newLifetime) {
    return new TokenRequest(type, user, permissions, newLifetime);
  }

  /** Whether {@code user} is written as an object id (a GUID). */
  public static boolean isObjectId(String user) {
    return UserReference.isObjectId(user);
  }

  private static boolean isUserPrincipalName(String user) {
    int at = user.indexOf('@');
    return at > 0 && at < user.length() - 1 && user.chars().noneMatch(Character::isWhitespace);
  }
}
