package org.devicemanagement.bootstrap.security;

import java.util.List;
import java.util.Locale;
import org.devicemanagement.application.permission.Permissions;

/** The kinds of access token the {@code token} command mints, as Entra issues them to Graph. */
public enum TokenType {
  /** A user signed in with a work or school account (delegated scopes in {@code scp}). */
  DELEGATED,
  /** A user signed in with a personal Microsoft account (the consumer tenant). */
  PERSONAL,
  /** An application calling as itself (app roles in {@code roles}). */
  APPLICATION;

  /** The scopes (or, for applications, roles) a token gets when none are asked for. */
  public List<String> defaultPermissions() {
    return switch (this) {
      case DELEGATED, PERSONAL ->
          List.of(Permissions.PRIVILEGED_OPERATIONS_ALL, Permissions.READ_ALL);
      case APPLICATION -> List.of(Permissions.READ_ALL);
    };
  }

  /** Whether a signed-in user stands behind the token (so it needs a user). */
  public boolean isDelegated() {
    return this != APPLICATION;
  }

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
