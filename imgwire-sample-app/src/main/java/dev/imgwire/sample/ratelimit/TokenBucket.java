package dev.imgwire.sample.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for one user, kept as the time at which it will be full again (the
 * generic cell rate algorithm): one number instead of a fractional token count, and whole
 * nanoseconds, so waits come out exact. A bucket rather than a fixed window, so a user
 * cannot get twice the limit by straddling a window boundary.
 *
 * @author Imgwire
 */
final class TokenBucket {

	// Spacing between two tokens.
	private final long intervalNanos;

	// How far ahead of now the bucket may be booked: a full bucket's burst.
	private final long burstNanos;

	private final Instant origin;

	// When the bucket is full again, in nanoseconds after origin.
	private long fullAtNanos;

	// The latest time seen; a clock that steps backwards must not hand out tokens twice.
	private long latestNanos;

	TokenBucket(int capacity, Instant now) {
		this.intervalNanos = Duration.ofMinutes(1).toNanos() / capacity;
		this.burstNanos = this.intervalNanos * (capacity - 1);
		this.origin = now;
	}

	synchronized RateLimitDecision tryConsume(Instant now) {
		long nowNanos = elapsed(now);
		long fullAt = Math.max(this.fullAtNanos, nowNanos);
		long booked = fullAt - nowNanos;
		if (booked > this.burstNanos) {
			return RateLimitDecision.deny(Duration.ofNanos(booked - this.burstNanos));
		}
		this.fullAtNanos = fullAt + this.intervalNanos;
		return RateLimitDecision.allow();
	}

	synchronized boolean isFull(Instant now) {
		return this.fullAtNanos <= elapsed(now);
	}

	private long elapsed(Instant now) {
		this.latestNanos = Math.max(this.latestNanos, Duration.between(this.origin, now).toNanos());
		return this.latestNanos;
	}

}
