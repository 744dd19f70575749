package dev.imgwire.client.retry;

import java.time.Duration;

/**
 * How often and how patiently failed requests are repeated. Only operations that are safe
 * to repeat are retried, and only after failures that may pass: 408, 429, 500, 502, 503,
 * 504, lost connections and response timeouts.
 *
 * @param enabled whether to retry at all
 * @param maxRetries retries after the first attempt, at least 0
 * @param initialDelay back-off before the first retry; doubles with each retry
 * @param maxDelay upper bound of any back-off, including one asked for by
 * {@code Retry-After}
 * @param jitter share of each back-off that is randomised, from 0 to 1
 * @author Imgwire
 */
public record ImgwireRetryPolicy(boolean enabled, int maxRetries, Duration initialDelay, Duration maxDelay,
		double jitter) {

	/**
	 * Default number of retries after the first attempt.
	 */
	public static final int DEFAULT_MAX_RETRIES = 2;

	/**
	 * Default back-off before the first retry.
	 */
	public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);

	/**
	 * Default upper bound of a back-off.
	 */
	public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

	/**
	 * Default jitter.
	 */
	public static final double DEFAULT_JITTER = 0.5;

	public ImgwireRetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries: must be at least 0");
		}
		if (initialDelay == null || initialDelay.isNegative()) {
			throw new IllegalArgumentException("initialDelay: must not be negative");
		}
		if (maxDelay == null || maxDelay.isNegative()) {
			throw new IllegalArgumentException("maxDelay: must not be negative");
		}
		if (maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException("maxDelay: must not be shorter than initialDelay");
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("jitter: must be between 0 and 1");
		}
	}

	/**
	 * Two retries, starting at 500 ms, capped at 30 s, with 50% jitter.
	 * @return the default policy
	 */
	public static ImgwireRetryPolicy defaults() {
		return new ImgwireRetryPolicy(true, DEFAULT_MAX_RETRIES, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY,
				DEFAULT_JITTER);
	}

	/**
	 * No retries: every failure reaches the caller at once.
	 * @return the disabled policy
	 */
	public static ImgwireRetryPolicy disabled() {
		return new ImgwireRetryPolicy(false, 0, DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY, DEFAULT_JITTER);
	}

	public ImgwireRetryPolicy withMaxRetries(int maxRetries) {
		return new ImgwireRetryPolicy(this.enabled, maxRetries, this.initialDelay, this.maxDelay, this.jitter);
	}

	public ImgwireRetryPolicy withInitialDelay(Duration initialDelay) {
		return new ImgwireRetryPolicy(this.enabled, this.maxRetries, initialDelay, this.maxDelay, this.jitter);
	}

	public ImgwireRetryPolicy withMaxDelay(Duration maxDelay) {
		return new ImgwireRetryPolicy(this.enabled, this.maxRetries, this.initialDelay, maxDelay, this.jitter);
	}

	public ImgwireRetryPolicy withJitter(double jitter) {
		return new ImgwireRetryPolicy(this.enabled, this.maxRetries, this.initialDelay, this.maxDelay, jitter);
	}

	/**
	 * The back-off before a retry, before jitter: {@code initialDelay * 2^retry}, capped
	 * by {@link #maxDelay()}.
	 * @param retry zero-based index of the retry
	 * @return the back-off
	 */
	public Duration backoff(long retry) {
		if (retry >= 62 || this.initialDelay.isZero()) {
			return this.initialDelay.isZero() ? Duration.ZERO : this.maxDelay;
		}
		long factor = 1L << retry;
		try {
			Duration delay = this.initialDelay.multipliedBy(factor);
			return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
		}
		catch (ArithmeticException ex) {
			return this.maxDelay;
		}
	}

}
