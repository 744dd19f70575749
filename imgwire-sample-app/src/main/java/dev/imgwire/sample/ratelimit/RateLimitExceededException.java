package dev.imgwire.sample.ratelimit;

/**
 * Raised when a user asks for upload tokens faster than
 * {@code sample.rate-limit.tokens-per-minute} allows.
 *
 * @author Imgwire
 */
public final class RateLimitExceededException extends RuntimeException {

	private final long retryAfterSeconds;

	public RateLimitExceededException(long retryAfterSeconds) {
		super("Too many upload tokens requested: try again in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long getRetryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
