package dev.imgwire.client.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both forms of {@code Retry-After}, against a fixed clock.
 */
class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void secondsAreReadAsADelay() {
		assertThat(RetryAfter.parse(" 120 ", this.clock)).isEqualTo(Duration.ofMinutes(2));
		assertThat(RetryAfter.parse("0", this.clock)).isZero();
	}

	@Test
	void anHttpDateIsReadAsTheTimeUntilThen() {
		assertThat(RetryAfter.parse("Fri, 01 May 2026 12:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void anHttpDateInThePastMeansNow() {
		assertThat(RetryAfter.parse("Fri, 01 May 2026 11:00:00 GMT", this.clock)).isZero();
	}

	@Test
	void secondsTooLargeForALongMeanAVeryLongWait() {
		assertThat(RetryAfter.parse("99999999999999999999999", this.clock)).isGreaterThan(Duration.ofDays(10_000));
	}

	@Test
	void anythingElseIsIgnored() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
		assertThat(RetryAfter.parse("1.5", this.clock)).isNull();
		assertThat(RetryAfter.parse("tomorrow", this.clock)).isNull();
	}

}
