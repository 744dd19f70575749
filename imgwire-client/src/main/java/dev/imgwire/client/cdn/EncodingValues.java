package dev.imgwire.client.cdn;

import java.util.List;
import java.util.Locale;

/**
 * Normalisers of the output encoding parameters: {@code quality}, {@code progressive},
 * {@code chroma_subsampling}, {@code color_profile} and {@code resizing_algorithm}.
 *
 * @author Imgwire
 */
final class EncodingValues {

	static final String QUALITY_RULE = "must be an integer from 1 to 100, or auto";

	static final String PROGRESSIVE_RULE = "must be a boolean (true, t, 1, false, f or 0) or auto";

	private EncodingValues() {
	}

	static String quality(Object value) {
		if (isAuto(value)) {
			return "auto";
		}
		return String.valueOf(Values.integer(value, 1, 100, QUALITY_RULE));
	}

	static String progressive(Object value) {
		if (isAuto(value)) {
			return "auto";
		}
		Boolean bool = Values.booleanOrNull(value);
		if (bool == null) {
			throw InvalidValueException.of(value, "is not a boolean", PROGRESSIVE_RULE);
		}
		return bool.toString();
	}

	static String chromaSubsampling(Object value) {
		return Values.oneOf(value, List.of("4:4:4", "4:2:2", "auto"));
	}

	static String colorProfile(Object value) {
		return Values.oneOf(value, List.of("srgb", "rgb16", "cmyk", "keep", "preserve"));
	}

	static String resizingAlgorithm(Object value) {
		return Values.oneOf(value, List.of("nearest", "cubic", "mitchell", "lanczos2", "lanczos3"));
	}

	private static boolean isAuto(Object value) {
		return value instanceof String string && "auto".equals(string.trim().toLowerCase(Locale.ROOT));
	}

}
