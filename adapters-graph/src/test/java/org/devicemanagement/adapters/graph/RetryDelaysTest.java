package org.devicemanagement.adapters.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading {@code Retry-After} and computing backoff with full jitter. */
class RetryDelaysTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:27:50Z");

  @Test
  void givenSeconds_whenParsed_thenThatManySeconds() {
    assertThat(RetryDelays.parseRetryAfter("90", NOW)).contains(Duration.ofSeconds(90));
    assertThat(RetryDelays.parseRetryAfter(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void givenFractionalSeconds_whenParsed_thenExactFraction() {
    assertThat(RetryDelays.parseRetryAfter("1.5", NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryDelays.parseRetryAfter("0.000000001", NOW)).contains(Duration.ofNanos(1));
  }

  @Test
  void givenHttpDate_whenParsed_thenTimeUntilThen() {
    assertThat(RetryDelays.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", NOW))
        .contains(Duration.ofSeconds(10));
    assertThat(RetryDelays.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", NOW))
        .contains(Duration.ZERO);
  }

  @Test
  void givenNonsense_whenParsed_thenEmpty() {
    assertThat(RetryDelays.parseRetryAfter("-1", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("1e3", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("", NOW)).isEmpty();
    assertThat(RetryDelays.parseRetryAfter("tomorrow", NOW)).isEmpty();
  }

  @Test
  void givenAbsurdlyLargeSeconds_whenParsed_thenClampedNotOverflowing() {
    assertThat(RetryDelays.parseRetryAfter("99999999999999999999999", NOW))
        .contains(Duration.ofSeconds(1_000_000_000L));
  }

  @Test
  void givenNoRetryAfter_whenDelaysComputed_thenJitteredDoublingCapped() {
    RetryDelays delays =
        new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(5), new FixedRandom(0.25));

    assertThat(delays.before(1, Optional.empty())).isEqualTo(Duration.ofMillis(250));
    assertThat(delays.before(2, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    assertThat(delays.before(3, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(delays.before(4, Optional.empty())).isEqualTo(Duration.ofMillis(1250));
    assertThat(delays.before(40, Optional.empty())).isEqualTo(Duration.ofMillis(1250));
  }

  @Test
  void givenFullJitterAtItsTop_whenDelaysComputed_thenBelowTheStep() {
    RetryDelays delays =
        new RetryDelays(Duration.ofSeconds(2), Duration.ofMinutes(3), new FixedRandom(0.999));

    assertThat(delays.before(1, Optional.empty())).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void givenRetryAfter_whenDelaysComputed_thenRetryAfterCapped() {
    RetryDelays delays =
        new RetryDelays(Duration.ofSeconds(1), Duration.ofMinutes(3), new FixedRandom(0.5));

    assertThat(delays.before(1, Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(delays.before(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofMinutes(3));
    assertThatThrownBy(() -> delays.before(0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
