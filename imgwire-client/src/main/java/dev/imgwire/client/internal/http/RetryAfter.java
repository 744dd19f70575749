package dev.imgwire.client.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
 *
 * @author Imgwire
 */
public final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * Parse a header value against the system clock.
	 * @param value the header value
	 * @return the delay, never negative, or {@code null} when absent or unreadable
	 */
	public static @Nullable Duration parse(@Nullable String value) {
		return parse(value, Clock.systemUTC());
	}

	/**
	 * Parse a header value.
	 * @param value the header value
	 * @param clock the clock an HTTP-date is measured against
	 * @return the delay, never negative, or {@code null} when absent or unreadable
	 */
	public static @Nullable Duration parse(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(trimmed));
			}
			catch (NumberFormatException ex) {
				// More seconds than a long holds: effectively "much later".
				return Duration.ofSeconds(Long.MAX_VALUE);
			}
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration delay = Duration.between(clock.instant(), date.toInstant());
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
