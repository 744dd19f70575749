package dev.imgwire.sample.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused because its user name or client address failed too often lately,
 * whatever the password.
 *
 * @author Imgwire
 */
public final class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-in attempts");
		this.retryAfter = retryAfter;
	}

	/**
	 * How long until attempts are allowed again.
	 * @return the time left
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, rounded up, for {@code Retry-After}.
	 * @return seconds, at least 1
	 */
	public long retryAfterSeconds() {
		return Math.max(1, this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0));
	}

	/**
	 * The wait in whole minutes, rounded up, for people.
	 * @return minutes, at least 1
	 */
	public long retryAfterMinutes() {
		return Math.max(1, (retryAfterSeconds() + 59) / 60);
	}

}
