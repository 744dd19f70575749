package dev.imgwire.client.cdn;

import org.jspecify.annotations.Nullable;

/**
 * Argument checks that fail with {@link IllegalArgumentException}, like every other
 * rejection in this package, rather than a bare {@link NullPointerException}.
 *
 * @author Imgwire
 */
final class Arguments {

	private Arguments() {
	}

	static <T> T notNull(@Nullable T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + ": must not be null");
		}
		return value;
	}

}
