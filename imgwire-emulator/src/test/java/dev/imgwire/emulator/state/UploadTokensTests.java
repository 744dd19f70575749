package dev.imgwire.emulator.state;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadTokens}.
 */
class UploadTokensTests {

	@Test
	void clearWaitsForARedemptionInProgress() throws InterruptedException {
		UploadTokens tokens = new UploadTokens();
		UploadTokenRecord token = tokens.issue(Instant.now(), Duration.ofMinutes(1));
		Thread clearing = new Thread(tokens::clear);
		// Holding the monitor of the synchronized methods stands in for a redeem()
		// between reading the token and writing it back as used; a clear() in that window
		// would be undone by the write.
		synchronized (tokens) {
			clearing.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (clearing.getState() != Thread.State.BLOCKED && clearing.getState() != Thread.State.TERMINATED
					&& System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(clearing.getState()).isEqualTo(Thread.State.BLOCKED);
			assertThat(tokens.find(token.token())).isPresent();
		}
		clearing.join(10_000);
		assertThat(tokens.all()).isEmpty();
	}

}
