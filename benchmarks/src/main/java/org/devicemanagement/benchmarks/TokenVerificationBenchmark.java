package org.devicemanagement.benchmarks;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.devicemanagement.adapters.rest.auth.JwtAccessTokenVerifier;
import org.devicemanagement.application.permission.Caller;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JwtAccessTokenVerifier} on a valid RS256 token: in full every time (no cache) and with the
 * cache of verified tokens the server uses. The token text is copied per call, as each HTTP request
 * brings a new String, so the cached path pays for hashing and comparing the whole token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenVerificationBenchmark {

  private JwtAccessTokenVerifier uncached;
  private JwtAccessTokenVerifier cached;
  private String token;

  /** Signs one token and builds both verifiers over its key. */
  @Setup(Level.Trial)
  public void setUp() {
    RSAKey key = BenchData.signingKey();
    token = BenchData.delegatedToken(key, BenchData.userId(0), Instant.now());
    JWKSet keys = new JWKSet(key.toPublicJWK());
    uncached = new JwtAccessTokenVerifier(keys, Clock.systemUTC());
    cached =
        new JwtAccessTokenVerifier(
            keys, Clock.systemUTC(), JwtAccessTokenVerifier.DEFAULT_CACHE_SIZE);
  }

  /** Full verification: parse, RSA signature, claims. */
  @Benchmark
  public Caller withoutCache() {
    return uncached.verify(new String(token.toCharArray()));
  }

  /** Verification through the cache of verified tokens (a hit after the first call). */
  @Benchmark
  public Caller withCache() {
    return cached.verify(new String(token.toCharArray()));
  }
}
