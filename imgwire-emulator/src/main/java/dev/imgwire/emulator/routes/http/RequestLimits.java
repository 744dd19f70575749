package dev.imgwire.emulator.routes.http;

import java.time.Duration;

/**
 * Bounds on what a request may cost the emulator.
 *
 * @param maxJsonBodyBytes the largest JSON body read; a larger one is answered with 413
 * without reading the rest
 * @param bodyIdleTimeout the longest a request body may go without a byte arriving; a
 * stalled body is answered with 408 and its connection closed
 * @author imgwire
 */
public record RequestLimits(long maxJsonBodyBytes, Duration bodyIdleTimeout) {

	/**
	 * Unread request bodies up to this size are drained after the reply, so the
	 * connection stays usable; larger or chunked ones close it instead of being read.
	 */
	static final long DRAINABLE_BODY_BYTES = 64 * 1024;

	public RequestLimits {
		if (maxJsonBodyBytes <= 0) {
			throw new IllegalArgumentException("maxJsonBodyBytes must be positive");
		}
		if (bodyIdleTimeout == null || bodyIdleTimeout.isZero() || bodyIdleTimeout.isNegative()) {
			throw new IllegalArgumentException("bodyIdleTimeout must be positive");
		}
	}

}
