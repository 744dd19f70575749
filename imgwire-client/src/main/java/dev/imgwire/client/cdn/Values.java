package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Scalar rules shared by the normalisers: numbers, integers, booleans, tokens and
 * colon-delimited parts. Every method either returns the normalised value or throws an
 * {@link InvalidValueException} stating the rule.
 *
 * @author Imgwire
 */
final class Values {

	static final BigDecimal MAX_DIMENSION = BigDecimal.valueOf(8192);

	static final String BOOLEAN_RULE = "must be a boolean: true, t, 1, false, f or 0";

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

	private static final int DESCRIBE_LIMIT = 80;

	private Values() {
	}

	/**
	 * How a value is shown in an error message: strings quoted, numbers plain.
	 * @param value the value as given
	 * @return a short description
	 */
	static String describe(@Nullable Object value) {
		if (value instanceof String string) {
			return "\"" + truncate(string) + "\"";
		}
		if (value instanceof WireValue wire) {
			return "\"" + wire.value() + "\"";
		}
		if (value instanceof BigDecimal decimal) {
			// toPlainString of 1E+1000000000 would be a billion digits long.
			return truncate(
					(Math.abs(decimal.scale()) > DESCRIBE_LIMIT) ? decimal.toString() : decimal.toPlainString());
		}
		return truncate(String.valueOf(value));
	}

	/**
	 * Shorten long values (watermark texts, maps), which would drown the rule.
	 */
	private static String truncate(String text) {
		return (text.length() > DESCRIBE_LIMIT) ? text.substring(0, DESCRIBE_LIMIT) + "…" : text;
	}

	/**
	 * Read a number: any {@code Number} of the JDK's integral or decimal types, or a
	 * plain decimal string such as {@code "0.85"}. NaN, infinities and exponents are
	 * rejected.
	 */
	static BigDecimal number(Object value, String rule) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				throw InvalidValueException.of(value, "is not a finite number", rule);
			}
			// Float.toString keeps 0.3f as 0.3, where new BigDecimal(double) would not.
			return new BigDecimal((value instanceof Float) ? value.toString() : Double.toString(number));
		}
		if (value instanceof String string && DECIMAL.matcher(string.trim()).matches()) {
			return new BigDecimal(string.trim());
		}
		throw InvalidValueException.of(value, "is not a number", rule);
	}

	/**
	 * Whether the value is a string holding a plain decimal number.
	 */
	static boolean isDecimal(Object value) {
		return value instanceof String string && DECIMAL.matcher(string.trim()).matches();
	}

	static BigDecimal numberIn(Object value, BigDecimal min, BigDecimal max) {
		String rule = "must be a number from " + format(min) + " to " + format(max);
		BigDecimal number = number(value, rule);
		if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
			throw InvalidValueException.of(value, "is out of range", rule);
		}
		return number;
	}

	static BigDecimal numberIn(Object value, String min, String max) {
		return numberIn(value, new BigDecimal(min), new BigDecimal(max));
	}

	static long integerIn(Object value, long min, long max) {
		String rule = "must be an integer from " + min + " to " + max;
		return integer(value, min, max, rule);
	}

	/**
	 * Read an integer; {@code 800}, {@code 800.0} and {@code "800"} are all 800.
	 */
	static long integer(Object value, long min, long max, String rule) {
		BigDecimal number = number(value, rule);
		if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
			throw InvalidValueException.of(value, "is not an integer", rule);
		}
		if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
			throw InvalidValueException.of(value, "is out of range", rule);
		}
		return number.longValue();
	}

	static long anyInteger(Object value) {
		return integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "must be an integer");
	}

	static long dimension(Object value) {
		return integerIn(value, 1, 8192);
	}

	/**
	 * The URL form of a number: no exponent, no trailing zeros, {@code 1} for 1.0.
	 */
	static String format(BigDecimal number) {
		return (number.signum() == 0) ? "0" : number.stripTrailingZeros().toPlainString();
	}

	/**
	 * Read a boolean: {@code Boolean}, the integers 1 and 0, or one of the strings
	 * {@code true, t, 1, false, f, 0} in any case.
	 * @return the boolean, or {@code null} when the value is not one of those
	 */
	static @Nullable Boolean booleanOrNull(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		String token = (value instanceof String string) ? string.trim().toLowerCase(Locale.ROOT)
				: (value instanceof Integer || value instanceof Long) ? value.toString() : null;
		if (token == null) {
			return null;
		}
		return switch (token) {
			case "true", "t", "1" -> Boolean.TRUE;
			case "false", "f", "0" -> Boolean.FALSE;
			default -> null;
		};
	}

	static boolean bool(Object value) {
		Boolean bool = booleanOrNull(value);
		if (bool == null) {
			throw InvalidValueException.of(value, "is not a boolean", BOOLEAN_RULE);
		}
		return bool;
	}

	/**
	 * Read a string as given; strings and the enums of this package only, so that a
	 * number or a map is never quietly turned into text.
	 */
	static String text(Object value, String rule) {
		if (value instanceof String string) {
			return string;
		}
		if (value instanceof WireValue wire) {
			return wire.value();
		}
		String simpleName = value.getClass().getSimpleName();
		String type = simpleName.isEmpty() ? value.getClass().getName() : simpleName;
		String article = ("AEIOU".indexOf(type.charAt(0)) >= 0) ? "an " : "a ";
		throw InvalidValueException.of(value, "is " + article + type + ", not a string", rule);
	}

	/**
	 * Read a closed-set token: trimmed and lower-cased.
	 */
	static String token(Object value, String rule) {
		return text(value, rule).trim().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read one of a closed set of tokens.
	 */
	static String oneOf(Object value, List<String> allowed) {
		String rule = "must be one of " + String.join(", ", allowed);
		String token = token(value, rule);
		if (!allowed.contains(token)) {
			throw InvalidValueException.of(value, "is not allowed", rule);
		}
		return token;
	}

	/**
	 * Split a colon-delimited value into between {@code min} and {@code max} non-empty
	 * parts, each trimmed.
	 */
	static List<String> parts(Object value, int min, int max, String rule) {
		String raw = text(value, rule).trim();
		if (raw.startsWith("{")) {
			// JSON text is not parsed here: a Map says the same thing without a parser.
			throw InvalidValueException.of(value, "is JSON text", rule + "; pass a java.util.Map for the object form");
		}
		List<String> parts = new ArrayList<>(Arrays.asList(raw.split(":", -1)));
		if (parts.size() < min || parts.size() > max) {
			String count = (min == max) ? String.valueOf(min) : min + " to " + max;
			throw InvalidValueException.of(value, "has " + parts.size() + " colon-separated parts, not " + count, rule);
		}
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i).trim();
			if (part.isEmpty()) {
				throw InvalidValueException.of(value, "has an empty part " + (i + 1), rule);
			}
			parts.set(i, part);
		}
		return parts;
	}

	/**
	 * Read one part of a composite value, so that its error names the part.
	 */
	static <T> T part(Object whole, String name, Supplier<T> reader) {
		try {
			return reader.get();
		}
		catch (InvalidValueException ex) {
			throw ex.inPart(whole, name);
		}
	}

}
