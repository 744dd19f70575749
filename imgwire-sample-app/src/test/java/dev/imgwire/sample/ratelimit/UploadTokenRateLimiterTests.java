package dev.imgwire.sample.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket behind {@code sample.rate-limit.tokens-per-minute}, on a clock the
 * test moves by hand.
 *
 * @author Imgwire
 */
class UploadTokenRateLimiterTests {

	private final SteppingClock clock = new SteppingClock();

	private final UploadTokenRateLimiter limiter = new UploadTokenRateLimiter(new RateLimitProperties(6), this.clock);

	@Test
	void userMayTakeABurstUpToTheLimitThenIsDeniedWithTheTimeUntilTheNextToken() {
		for (int i = 0; i < 6; i++) {
			assertThat(this.limiter.tryAcquire("demo").allowed()).isTrue();
		}

		RateLimitDecision denied = this.limiter.tryAcquire("demo");

		assertThat(denied.allowed()).isFalse();
		assertThat(denied.retryAfterSeconds()).isEqualTo(10);
	}

	@Test
	void tokensComeBackAtAnEvenRate() {
		for (int i = 0; i < 6; i++) {
			this.limiter.tryAcquire("demo");
		}

		this.clock.advance(Duration.ofSeconds(4));
		RateLimitDecision stillDenied = this.limiter.tryAcquire("demo");
		this.clock.advance(Duration.ofSeconds(6));
		RateLimitDecision allowed = this.limiter.tryAcquire("demo");

		assertThat(stillDenied.allowed()).isFalse();
		assertThat(stillDenied.retryAfterSeconds()).isEqualTo(6);
		assertThat(allowed.allowed()).isTrue();
	}

	@Test
	void eachUserHasAnOwnBucket() {
		for (int i = 0; i < 6; i++) {
			this.limiter.tryAcquire("demo");
		}

		assertThat(this.limiter.tryAcquire("demo").allowed()).isFalse();
		assertThat(this.limiter.tryAcquire("someone-else").allowed()).isTrue();
	}

	@Test
	void clockSteppingBackwardsDoesNotDrainTheBucket() {
		this.limiter.tryAcquire("demo");
		this.clock.advance(Duration.ofSeconds(-30));

		for (int i = 0; i < 5; i++) {
			assertThat(this.limiter.tryAcquire("demo").allowed()).isTrue();
		}
	}

	private static final class SteppingClock extends Clock {

		private Instant now = Instant.parse("2026-05-01T12:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
