package dev.imgwire.emulator;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Waits for an eventually-true condition. The bound only stops a broken test from
 * hanging; no test asserts on how long anything took.
 */
final class Await {

	private static final Duration LIMIT = Duration.ofSeconds(15);

	private Await() {
	}

	static void until(String description, BooleanSupplier condition) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out waiting until " + description);
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail("Interrupted while waiting until " + description);
			}
		}
	}

}
