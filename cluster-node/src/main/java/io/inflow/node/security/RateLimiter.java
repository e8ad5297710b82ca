package io.inflow.node.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Per-token request limits: a Bucket4j token bucket per token id ({@code burst} requests, refilled
 * at {@code requestsPerSecond}), kept while the token is active (buckets idle for 10 minutes are
 * dropped, at most 100,000 kept). Node-local: with N nodes behind a balancer a token may reach N
 * times the rate.
 */
public final class RateLimiter {
  private final long requestsPerSecond;
  private final long burst;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  public RateLimiter(long requestsPerSecond, long burst) {
    if (requestsPerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("inflow.limits: requests-per-second and burst must be at least 1");
    }
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
  }

  /** Empty when the request may go ahead, else the seconds to wait before retrying (at least 1). */
  public OptionalLong tryAcquire(String tokenId) {
    Bucket bucket = buckets.get(tokenId, id -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build())
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) return OptionalLong.empty();
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
