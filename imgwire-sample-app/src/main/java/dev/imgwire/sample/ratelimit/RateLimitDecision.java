package dev.imgwire.sample.ratelimit;

import java.time.Duration;

/**
 * Whether a request may go ahead, and if not, how long the caller should wait.
 *
 * @param allowed whether the request may go ahead
 * @param retryAfter how long until the next request would be allowed; zero when allowed
 * @author Imgwire
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter) {

	public static RateLimitDecision allow() {
		return new RateLimitDecision(true, Duration.ZERO);
	}

	public static RateLimitDecision deny(Duration retryAfter) {
		return new RateLimitDecision(false, retryAfter);
	}

	/**
	 * The wait in whole seconds, rounded up, as the {@code Retry-After} header wants it.
	 * @return seconds, at least 1 when denied
	 */
	public long retryAfterSeconds() {
		if (this.allowed) {
			return 0;
		}
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
