package dev.imgwire.client.retry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Back-off arithmetic and the policy's own constraints.
 */
class ImgwireRetryPolicyTests {

	@Test
	void theDefaultsAreTwoRetriesFromHalfASecondUpToThirtySecondsWithHalfJitter() {
		ImgwireRetryPolicy policy = ImgwireRetryPolicy.defaults();

		assertThat(policy.enabled()).isTrue();
		assertThat(policy.maxRetries()).isEqualTo(2);
		assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(500));
		assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.jitter()).isEqualTo(0.5);
		assertThat(ImgwireRetryPolicy.disabled().enabled()).isFalse();
	}

	@Test
	void theBackOffDoublesUntilItReachesTheMaximum() {
		ImgwireRetryPolicy policy = ImgwireRetryPolicy.defaults();

		assertThat(policy.backoff(0)).isEqualTo(Duration.ofMillis(500));
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.backoff(10_000)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void jitterOnlyShortensTheWait() {
		DefaultImgwireRetryStrategy strategy = new DefaultImgwireRetryStrategy(
				ImgwireRetryPolicy.defaults().withJitter(1.0));

		for (int i = 0; i < 200; i++) {
			assertThat(strategy.delay(1, new RuntimeException())).isBetween(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	@Test
	void invalidPoliciesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireRetryPolicy.defaults().withMaxRetries(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireRetryPolicy.defaults().withJitter(1.5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImgwireRetryPolicy.defaults().withMaxDelay(Duration.ofMillis(1)));
	}

}
