package org.devicemanagement.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.bootstrap.security.TokenRequest;
import org.devicemanagement.bootstrap.security.TokenType;

/**
 * Access tokens the running emulator accepts, for any kind of caller: signed with its key, shaped
 * as Entra shapes them (the same as the {@code token} command mints).
 */
public final class EmulatorTokens {

  private final TokenMinter minter;

  EmulatorTokens(TokenMinter minter) {
    this.minter = Objects.requireNonNull(minter, "minter");
  }

  static EmulatorTokens signingWith(com.nimbusds.jose.jwk.RSAKey key) {
    return new EmulatorTokens(new TokenMinter(key, Clock.systemUTC()));
  }

  /**
   * A delegated work-or-school token for {@code user} (object id or userPrincipalName) holding
   * {@code DeviceManagementManagedDevices.PrivilegedOperations.All} and {@code .Read.All}.
   */
  public String delegated(String user) {
    return minter.mint(TokenRequest.delegated(user));
  }

  /** A delegated work-or-school token for {@code user} holding exactly {@code scopes}. */
  public String delegated(String user, String... scopes) {
    return mint(TokenType.DELEGATED, Optional.of(user), scopes);
  }

  /** A delegated token of a personal Microsoft account holding exactly {@code scopes}. */
  public String personal(String user, String... scopes) {
    return mint(TokenType.PERSONAL, Optional.of(user), scopes);
  }

  /** An application (client credentials) token holding exactly {@code roles}. */
  public String application(String... roles) {
    return mint(TokenType.APPLICATION, Optional.empty(), roles);
  }

  /** A delegated token for {@code user} that expired {@code ago}. */
  public String expired(String user, Duration ago) {
    return minter.mint(TokenRequest.delegated(user).withLifetime(ago.negated()));
  }

  /** Mints exactly {@code request}. */
  public String mint(TokenRequest request) {
    return minter.mint(request);
  }

  private String mint(TokenType type, Optional<String> user, String... permissions) {
    return minter.mint(
        new TokenRequest(type, user, List.of(permissions), TokenRequest.DEFAULT_LIFETIME));
  }
}
