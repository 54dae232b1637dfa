package org.devicemanagement.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devicemanagement.adapters.rest.RestTenant.ADELE;
import static org.devicemanagement.adapters.rest.TestTime.NOW;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.devicemanagement.adapters.rest.auth.InvalidAccessTokenException;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.MovableClock;
import org.devicemanagement.application.permission.Caller;
import org.junit.jupiter.api.Test;

class JwtAccessTokenVerifierCacheTest {

  private final MovableClock clock = new MovableClock(TestTime.NOW);
  private final JwtAccessTokenVerifier verifier = TestTokens.cachingVerifier(clock, 3);

  @Test
  void givenVerifiedToken_whenVerifiedAgain_thenSameCallerFromOneCacheEntry() {
    String token = TestTokens.delegated().build();

    Caller first = verifier.verify(token);
    Caller second = verifier.verify(token);

    assertThat(second).isEqualTo(first);
    assertThat(second.objectId()).contains(ADELE.id());
    assertThat(verifier.cachedTokens()).isEqualTo(1);
  }

  @Test
  void givenCachedToken_whenClockPassesExpiryAndSkew_thenRefusedAsExpired() {
    String token = TestTokens.delegated().expiresAt(NOW.plusSeconds(30)).build();
    verifier.verify(token);

    clock.set(NOW.plusSeconds(30).plus(JwtAccessTokenVerifier.CLOCK_SKEW).plusSeconds(1));

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the token has expired");
    assertThat(verifier.cachedTokens()).isZero();
  }

  @Test
  void givenCachedToken_whenClockStillWithinSkewAfterExpiry_thenAccepted() {
    String token = TestTokens.delegated().expiresAt(NOW.plusSeconds(30)).build();
    verifier.verify(token);

    clock.set(NOW.plusSeconds(30).plus(JwtAccessTokenVerifier.CLOCK_SKEW));

    assertThat(verifier.verify(token).objectId()).contains(ADELE.id());
  }

  @Test
  void givenCachedToken_whenClockMovesBackBeforeNotBefore_thenRefusedAsNotYetValid() {
    String token = TestTokens.delegated().notBefore(NOW.minusSeconds(10)).build();
    verifier.verify(token);

    clock.set(NOW.minusSeconds(10).minus(JwtAccessTokenVerifier.CLOCK_SKEW).minusSeconds(1));

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the token is not valid yet (nbf is in the future)");
  }

  @Test
  void givenGenuineTokenCached_whenSameClaimsSignedWithOtherKeyOfSameKid_thenRefused() {
    TestTokens.Token claims = TestTokens.delegated();
    verifier.verify(claims.build());
    String forged = claims.signedWith(TestTokens.OTHER_KEY).build();

    assertThatThrownBy(() -> verifier.verify(forged))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the signature is invalid");
    assertThat(verifier.cachedTokens()).isEqualTo(1);
  }

  @Test
  void givenGenuineTokenCached_whenPayloadSwappedUnderItsSignature_thenRefused() {
    TestTokens.Token claims = TestTokens.delegated();
    verifier.verify(claims.build());

    assertThatThrownBy(() -> verifier.verify(claims.buildWithForeignSignature()))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the signature is invalid");
  }

  @Test
  void givenTokenOfUnknownKey_whenVerifiedTwice_thenRefusedBothTimesAndNeverCached() {
    String token = TestTokens.delegated().signedWith(TestTokens.UNKNOWN_KEY).build();

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> verifier.verify(token))
          .isInstanceOf(InvalidAccessTokenException.class)
          .hasMessage("the signing key (kid) is not known");
    }
    assertThat(verifier.cachedTokens()).isZero();
  }

  @Test
  void givenCachedToken_whenAnotherVerifierWithOtherKeysChecksIt_thenRefused() {
    String token = TestTokens.delegated().build();
    verifier.verify(token);
    JwtAccessTokenVerifier otherKeys =
        new JwtAccessTokenVerifier(
            new JWKSet(TestTokens.OTHER_KEY.toPublicJWK()),
            clock,
            JwtAccessTokenVerifier.DEFAULT_CACHE_SIZE);

    assertThatThrownBy(() -> otherKeys.verify(token))
        .isInstanceOf(InvalidAccessTokenException.class)
        .hasMessage("the signature is invalid");
  }

  @Test
  void givenMoreLiveTokensThanCacheSize_whenAllVerified_thenEachAcceptedAndCacheStaysBounded() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tokens.add(TestTokens.delegated().expiresAt(NOW.plus(Duration.ofMinutes(10 + i))).build());
    }

    for (String token : tokens) {
      assertThat(verifier.verify(token).objectId()).contains(ADELE.id());
      assertThat(verifier.cachedTokens()).isLessThanOrEqualTo(3);
    }
    for (String token : tokens) {
      assertThat(verifier.verify(token).objectId()).contains(ADELE.id());
    }
    assertThat(verifier.cachedTokens()).isBetween(1, 3);
  }

  @Test
  void givenFullCacheWithExpiredEntries_whenNewTokenVerified_thenExpiredOnesMakeRoom() {
    for (int i = 0; i < 3; i++) {
      verifier.verify(TestTokens.delegated().expiresAt(NOW.plusSeconds(10)).build());
    }
    clock.set(NOW.plus(Duration.ofMinutes(5)));

    verifier.verify(TestTokens.delegated().build());

    assertThat(verifier.cachedTokens()).isEqualTo(1);
  }

  @Test
  void givenNoCache_whenVerifiedTwice_thenNothingRemembered() {
    JwtAccessTokenVerifier plain = TestTokens.verifier(clock);
    String token = TestTokens.delegated().build();

    plain.verify(token);
    plain.verify(token);

    assertThat(plain.cachedTokens()).isZero();
  }

  @Test
  void givenNegativeCacheSize_whenCreated_thenRefused() {
    assertThatThrownBy(() -> TestTokens.cachingVerifier(clock, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheSize must not be negative, was -1");
  }
}
