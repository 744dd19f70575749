package dev.imgwire.emulator.cdn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a transformation parameter's value must look like, as the emulator checks it. Each
 * rule returns the value in canonical form (tokens in lower case, numbers without
 * trailing zeros) or throws {@link InvalidValueException} saying what is wrong.
 * Surrounding spaces are ignored.
 *
 * @author imgwire
 */
enum ValueRule {

	DIMENSION("an integer from 1 to 8192") {
		@Override
		String check(String value) {
			return integer(value, 1, 8192);
		}
	},

	QUALITY("an integer from 1 to 100, or auto") {
		@Override
		String check(String value) {
			return "auto".equals(lower(value)) ? "auto" : integer(value, 1, 100);
		}
	},

	DPR("a number from 0.01 to 8") {
		@Override
		String check(String value) {
			return decimal(value, "0.01", "8");
		}
	},

	DPI("an integer from 1 to 600") {
		@Override
		String check(String value) {
			return integer(value, 1, 600);
		}
	},

	PIXELATE("an integer from 2 to 256") {
		@Override
		String check(String value) {
			return integer(value, 2, 256);
		}
	},

	BLUR("true, or a number from 0.3 to 100") {
		@Override
		String check(String value) {
			return "true".equals(lower(value)) ? "true" : decimal(value, "0.3", "100");
		}
	},

	FACTOR("a number from 0.01 to 10") {
		@Override
		String check(String value) {
			return decimal(value, "0.01", "10");
		}
	},

	ALPHA("a number from 0 to 1") {
		@Override
		String check(String value) {
			return decimal(value, "0", "1");
		}
	},

	NUMBER("a number") {
		@Override
		String check(String value) {
			return decimal(value, null, null);
		}
	},

	FORMAT("one of auto, jpg, jpeg, png, webp, avif, gif, tiff") {
		@Override
		String check(String value) {
			String format = oneOf(value, "auto", "jpg", "jpeg", "png", "webp", "avif", "gif", "tiff");
			return "jpeg".equals(format) ? "jpg" : format;
		}
	},

	RESIZING_TYPE("one of cover, contain, fill, inside, outside, or the legacy fit, fill-down, auto, force") {
		@Override
		String check(String value) {
			return ResizingType.named(lower(value))
				.orElseThrow(() -> new InvalidValueException("is not allowed"))
				.value();
		}
	},

	RESIZING_ALGORITHM("one of nearest, cubic, mitchell, lanczos2, lanczos3") {
		@Override
		String check(String value) {
			return oneOf(value, "nearest", "cubic", "mitchell", "lanczos2", "lanczos3");
		}
	},

	BOOLEAN("a boolean: true, t, 1, false, f or 0") {
		@Override
		String check(String value) {
			return bool(value);
		}
	},

	BOOLEAN_OR_AUTO("a boolean (true, t, 1, false, f or 0) or auto") {
		@Override
		String check(String value) {
			return "auto".equals(lower(value)) ? "auto" : bool(value);
		}
	},

	CHROMA_SUBSAMPLING("one of 4:4:4, 4:2:2, auto") {
		@Override
		String check(String value) {
			return oneOf(value, "4:4:4", "4:2:2", "auto");
		}
	},

	COLOR_PROFILE("one of srgb, rgb16, cmyk, keep, preserve") {
		@Override
		String check(String value) {
			return oneOf(value, "srgb", "rgb16", "cmyk", "keep", "preserve");
		}
	},

	TEXT("a text of 1 to 2048 characters") {
		@Override
		String check(String value) {
			if (value.isEmpty() || value.length() > 2048) {
				throw new InvalidValueException("has " + value.length() + " characters");
			}
			return value;
		}
	},

	/**
	 * Structured values (crops, colours, watermarks, JSON objects) the emulator ignores;
	 * it only insists that they are there.
	 */
	ANY("a non-empty value") {
		@Override
		String check(String value) {
			return value;
		}
	};

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

	/** Longer numbers are no plausible value; refusing them keeps parsing cheap. */
	private static final int MAX_NUMBER_LENGTH = 40;

	private final String description;

	ValueRule(String description) {
		this.description = description;
	}

	/**
	 * What the value must be, e.g. {@code an integer from 1 to 8192}.
	 * @return the rule in words
	 */
	String description() {
		return this.description;
	}

	/**
	 * Check a value that is already known to be non-blank.
	 * @param value the trimmed value
	 * @return the canonical form
	 * @throws InvalidValueException when the value breaks the rule
	 */
	abstract String check(String value);

	/**
	 * Check a raw query value.
	 * @param raw the decoded value as sent
	 * @return the canonical form
	 * @throws InvalidValueException when the value is empty or breaks the rule
	 */
	String normalize(String raw) {
		String value = raw.trim();
		if (value.isEmpty()) {
			throw new InvalidValueException("is empty");
		}
		return check(value);
	}

	private static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	private static String integer(String value, long min, long max) {
		if (!INTEGER.matcher(value).matches()) {
			throw new InvalidValueException("is not an integer");
		}
		String digits = value.replaceFirst("^[+-]", "").replaceFirst("^0+(?=\\d)", "");
		// Ten digits or more are out of every range here, and would not fit a long at 20.
		if (digits.length() > 9) {
			throw new InvalidValueException("is out of range");
		}
		long number = Long.parseLong(value.startsWith("-") ? "-" + digits : digits);
		if (number < min || number > max) {
			throw new InvalidValueException("is out of range");
		}
		return Long.toString(number);
	}

	private static String decimal(String value, @Nullable String min, @Nullable String max) {
		if (value.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(value).matches()) {
			throw new InvalidValueException("is not a number");
		}
		BigDecimal number = new BigDecimal(value);
		if ((min != null && number.compareTo(new BigDecimal(min)) < 0)
				|| (max != null && number.compareTo(new BigDecimal(max)) > 0)) {
			throw new InvalidValueException("is out of range");
		}
		return (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
	}

	private static String oneOf(String value, String... allowed) {
		String token = lower(value);
		if (!List.of(allowed).contains(token)) {
			throw new InvalidValueException("is not allowed");
		}
		return token;
	}

	private static String bool(String value) {
		return switch (lower(value)) {
			case "true", "t", "1" -> "true";
			case "false", "f", "0" -> "false";
			default -> throw new InvalidValueException("is not a boolean");
		};
	}

	/**
	 * A value that breaks its rule; the message says how, e.g. {@code is out of range}.
	 */
	static final class InvalidValueException extends RuntimeException {

		InvalidValueException(String problem) {
			super(problem, null, false, false);
		}

	}

}
