package org.devicemanagement.bootstrap.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.bootstrap.security.SigningKeys;
import org.devicemanagement.bootstrap.security.TokenMinter;
import org.devicemanagement.domain.ActionState;
import org.devicemanagement.domain.DeviceActionResult;
import org.devicemanagement.domain.ManagedDevice;
import org.eclipse.jetty.http.HttpFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the first request's one-time work (the token check's classes and key conversion, the
 * records' generated equality, Jetty's header classes) on a thread of its own while Jersey is still
 * being built, so that the first caller does not wait for it. Touches no state: the token, shaped
 * like the token command's but with a signature no key made, names a user no tenant has and is
 * checked, and refused, by a verifier of its own that remembers nothing.
 */
final class FirstRequestWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(FirstRequestWarmUp.class);
  // The user the warm-up token names: a GUID no tenant has.
  private static final String WARM_UP_ID = "00000000-0000-4000-8000-000000000000";

  private FirstRequestWarmUp() {}

  /**
   * Starts the warm-up for a server trusting {@code keys}; the future tells whether it did the
   * whole of its work (the token check reached the signature and refused it).
   */
  static CompletableFuture<Boolean> startInBackground(SigningKeys keys) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> done.complete(warmUp(keys)), "warm-up");
    thread.setDaemon(true);
    thread.start();
    return done;
  }

  private static boolean warmUp(SigningKeys keys) {
    try {
      Clock clock = Clock.systemUTC();
      boolean signatureChecked = false;
      try {
        new JwtAccessTokenVerifier(keys.publicKeys(), clock, 0)
            .verify(badlySignedToken(keys, clock.instant()));
      } catch (InvalidAccessTokenException expected) {
        // As intended: parsing and checking the signature were the point.
        signatureChecked = expected.reason().contains("signature");
      }
      ManagedDevice device =
          ManagedDevice.builder(WARM_UP_ID, WARM_UP_ID)
              .deviceActionResults(
                  List.of(
                      new DeviceActionResult(
                          DeviceActionResult.RETIRE,
                          ActionState.PENDING,
                          clock.instant(),
                          clock.instant())))
              .build();
      boolean same = device.equals(device.toBuilder().build());
      LOG.trace("Warmed up ({}, {})", same, HttpFields.EMPTY.size());
      return signatureChecked && same;
    } catch (RuntimeException e) {
      LOG.debug("Warming up for the first request failed; it will do that work itself", e);
      return false;
    }
  }

  /**
   * A token naming the server's key whose signature is all zeros, so that checking it does the
   * whole signature check (making it would cost an RSA signing, several times a check's work).
   */
  private static String badlySignedToken(SigningKeys keys, Instant now) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}".formatted(keys.keyId());
    String claims =
        ("{\"aud\":\"https://graph.microsoft.com\",\"iss\":\"https://sts.windows.net/%s/\","
                + "\"tid\":\"%s\",\"oid\":\"%s\",\"scp\":\"User.Read\",\"idtyp\":\"user\","
                + "\"iat\":%d,\"nbf\":%d,\"exp\":%d}")
            .formatted(
                TokenMinter.DEMO_TENANT_ID,
                TokenMinter.DEMO_TENANT_ID,
                WARM_UP_ID,
                now.getEpochSecond(),
                now.getEpochSecond(),
                now.getEpochSecond() + 60);
    return base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(new byte[keys.privateKey().size() / Byte.SIZE]);
  }
}
