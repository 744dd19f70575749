package dev.imgwire.sample.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits how many uploads each user can have the server create: every upload token lets a
 * browser create one upload on the account, and every URL import (or download job) is
 * created with the Server Key, so unbounded endpoints would let one logged-in user
 * exhaust the plan's quota. {@link UploadRateLimitWebFilter} applies it to the endpoints.
 *
 * <p>
 * State is kept in memory, per instance: enough for a sample; a cluster would keep the
 * buckets in a shared store.
 *
 * @author Imgwire
 */
@Component
public final class UploadTokenRateLimiter {

	// Full buckets carry no information, so they are dropped once this many users are
	// tracked to keep memory bounded.
	private static final int PRUNE_THRESHOLD = 10_000;

	private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final int tokensPerMinute;

	private final Clock clock;

	@Autowired
	public UploadTokenRateLimiter(RateLimitProperties properties) {
		this(properties, Clock.systemUTC());
	}

	UploadTokenRateLimiter(RateLimitProperties properties, Clock clock) {
		this.tokensPerMinute = properties.tokensPerMinute();
		this.clock = clock;
	}

	/**
	 * Take one token from the user's bucket.
	 * @param user the user name
	 * @return whether the user may have an upload created now
	 */
	public RateLimitDecision tryAcquire(String user) {
		Instant now = this.clock.instant();
		if (this.buckets.size() > PRUNE_THRESHOLD) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		return this.buckets.computeIfAbsent(user, (key) -> new TokenBucket(this.tokensPerMinute, now)).tryConsume(now);
	}

}
