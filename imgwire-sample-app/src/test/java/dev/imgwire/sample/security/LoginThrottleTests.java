package dev.imgwire.sample.security;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LoginThrottle} on its own, with a clock the tests move.
 *
 * @author Imgwire
 */
class LoginThrottleTests {

	private static final String HOME = "192.0.2.10";

	private static final String ELSEWHERE = "198.51.100.20";

	private final MovableClock clock = new MovableClock();

	@Nested
	class PerUserName {

		private final LoginThrottle throttle = throttle(5, 20, 100);

		@Test
		void fifthFailureWithinTheWindowLocksTheUserNameForTheLockout() {
			for (int i = 0; i < 4; i++) {
				assertThat(this.throttle.recordFailure("alice", HOME)).isZero();
			}

			assertThat(this.throttle.recordFailure("alice", HOME)).isEqualTo(Duration.ofMinutes(5));

			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(2));
			assertThat(this.throttle.lockedFor("alice", HOME)).isEqualTo(Duration.ofMinutes(3));
			assertThat(this.throttle.lockedFor("alice", ELSEWHERE)).as("from any address")
				.isEqualTo(Duration.ofMinutes(3));
			assertThat(this.throttle.lockedFor("bob", HOME)).as("another user").isZero();
		}

		@Test
		void userNamesDifferingOnlyInCaseShareOneCount() {
			for (String name : new String[] { "alice", "Alice", "ALICE", "aLiCe" }) {
				this.throttle.recordFailure(name, HOME);
			}

			assertThat(this.throttle.recordFailure("ALICE", HOME)).isPositive();
		}

		@Test
		void failuresOlderThanTheWindowNoLongerCount() {
			for (int i = 0; i < 4; i++) {
				this.throttle.recordFailure("alice", HOME);
				LoginThrottleTests.this.clock.advance(Duration.ofMinutes(1));
			}
			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

			// The first failure is now more than 5 minutes old: this is the fourth
			// counted.
			assertThat(this.throttle.recordFailure("alice", HOME)).isZero();
			assertThat(this.throttle.recordFailure("alice", HOME)).isPositive();
		}

		@Test
		void lockEndsAfterTheLockoutAndCountingStartsAfresh() {
			for (int i = 0; i < 5; i++) {
				this.throttle.recordFailure("alice", HOME);
			}

			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(5));

			assertThat(this.throttle.lockedFor("alice", HOME)).isZero();
			assertThat(this.throttle.recordFailure("alice", HOME)).isZero();
		}

		@Test
		void successForgetsTheUserNamesFailuresButNotTheAddresss() {
			LoginThrottle throttle = throttle(5, 6, 100);
			for (int i = 0; i < 4; i++) {
				throttle.recordFailure("alice", HOME);
			}

			throttle.recordSuccess("Alice");

			assertThat(throttle.recordFailure("alice", HOME)).as("alice's count starts again").isZero();
			assertThat(throttle.recordFailure("bob", HOME)).as("the address's sixth failure").isPositive();
		}

		@Test
		void longUserNamesAreCutSoTheyCannotFillMemory() {
			String prefix = "x".repeat(LoginThrottle.MAX_USER_KEY_LENGTH);
			for (int i = 0; i < 5; i++) {
				this.throttle.recordFailure(prefix + i + "y".repeat(100_000), HOME);
			}

			assertThat(this.throttle.trackedUserNames()).isOne();
			assertThat(this.throttle.lockedFor(prefix + "anything", HOME)).isPositive();
		}

	}

	@Nested
	class PerAddress {

		private final LoginThrottle throttle = throttle(5, 3, 100);

		@Test
		void manyUserNamesFromOneAddressLockThatAddressForEveryUserName() {
			this.throttle.recordFailure("alice", HOME);
			this.throttle.recordFailure("bob", HOME);

			assertThat(this.throttle.recordFailure("carol", HOME)).isEqualTo(Duration.ofMinutes(5));

			assertThat(this.throttle.lockedFor("dave", HOME)).isPositive();
			assertThat(this.throttle.lockedFor("dave", ELSEWHERE)).isZero();
		}

		@Test
		void ipv4AddressesCountAloneAndIpv6AddressesByTheirSlash64() throws Exception {
			assertThat(LoginThrottle.addressKey(InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
			assertThat(LoginThrottle.addressKey(InetAddress.getByName("2001:db8:1:2::1")))
				.isEqualTo(LoginThrottle.addressKey(InetAddress.getByName("2001:db8:1:2:ffff:ffff:ffff:ffff")))
				.isNotEqualTo(LoginThrottle.addressKey(InetAddress.getByName("2001:db8:1:3::1")))
				.endsWith("/64");
			assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");
		}

	}

	@Nested
	class Memory {

		@Test
		void trackedUserNamesAndAddressesStayWithinTheCap() {
			LoginThrottle throttle = throttle(5, 20, 50);

			for (int i = 0; i < 1_000; i++) {
				throttle.recordFailure("user-" + i, "10.0." + (i / 256) + "." + (i % 256));
			}

			assertThat(throttle.trackedUserNames()).isLessThanOrEqualTo(50);
			assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(50);
		}

		@Test
		void expiredEntriesMakeRoomBeforeALockIsForgotten() {
			LoginThrottle throttle = throttle(2, 100, 3);
			throttle.recordFailure("stale", HOME);
			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(1));
			throttle.recordFailure("locked", HOME);
			throttle.recordFailure("locked", HOME);
			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(3));
			throttle.recordFailure("recent", HOME);
			LoginThrottleTests.this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

			// "stale" has expired; "locked" is still locked and is kept.
			throttle.recordFailure("newcomer", HOME);

			assertThat(throttle.trackedUserNames()).isEqualTo(3);
			assertThat(throttle.lockedFor("locked", ELSEWHERE)).isPositive();
		}

	}

	@Test
	void settingsOutOfRangeAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoginThrottleProperties(0, 20, Duration.ofMinutes(5), Duration.ofMinutes(5), 10))
			.withMessageContaining("max-failures-per-user");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LoginThrottleProperties(5, 20, Duration.ZERO, Duration.ofMinutes(5), 10))
			.withMessageContaining("window");
	}

	private LoginThrottle throttle(int perUser, int perAddress, int maxKeys) {
		return new LoginThrottle(
				new LoginThrottleProperties(perUser, perAddress, Duration.ofMinutes(5), Duration.ofMinutes(5), maxKeys),
				this.clock);
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2030-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
