package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalisers of the filter parameters with a structure: {@code adjust}, {@code blur},
 * {@code contrast}, {@code flip}, {@code negate}, {@code normalize} and {@code sharpen}.
 * <p>
 * Where the official SDKs drop a "no-op" value such as {@code blur=false} silently, these
 * reject it: the value is not one the CDN documents, and dropping it would hide a
 * mistake.
 *
 * @author Imgwire
 */
final class EffectValues {

	static final String ADJUST_RULE = "must be brightness[:saturation[:color]] (numbers from 0.01 to 10), "
			+ "or a Map with brightness, saturation, color";

	static final String BLUR_RULE = "must be true or a sigma from 0.3 to 100";

	static final String CONTRAST_RULE = "must be multiplier[:pivot] (a multiplier from 0.01 to 10, "
			+ "a pivot from 0 to 255), or a Map with multiplier and optional pivot";

	static final String FLIP_RULE = "must be vertical, horizontal, both, the legacy horizontal:vertical booleans, "
			+ "or a Map with horizontal and vertical";

	static final String NEGATE_RULE = "must be true, alpha:<boolean>, or a Map with alpha";

	static final String NORMALIZE_RULE = "must be a boolean, lower:upper (percentiles from 0 to 100, lower below "
			+ "upper), or a Map with lower and upper";

	static final String SHARPEN_RULE = "must be true, a sigma greater than 0, "
			+ "or a Map with sigma, m1, m2, x1, y2, y3, flat, jagged";

	private static final BigDecimal MIN_MULTIPLIER = new BigDecimal("0.01");

	private EffectValues() {
	}

	static String adjust(Object value) {
		List<String> names = List.of("brightness", "saturation", "color");
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "brightness", "saturation", "color").requireAny();
			names.forEach((name) -> fields.optional(name, EffectValues::multiplier));
			return fields.toJson();
		}
		List<String> parts = Values.parts(GeometryValues.number(value), 1, 3, ADJUST_RULE);
		List<String> adjust = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			adjust.add(Values.format(Values.part(value, names.get(i), () -> multiplier(part))));
		}
		return String.join(":", adjust);
	}

	/**
	 * A number is a sigma, even 1 or 0, so {@code blur(1)} never turns into
	 * {@code blur=true}.
	 */
	static String blur(Object value) {
		if (isNumber(value)) {
			BigDecimal sigma = Values.number(value, BLUR_RULE);
			if (sigma.compareTo(new BigDecimal("0.3")) < 0 || sigma.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw InvalidValueException.of(value, "is out of range", BLUR_RULE);
			}
			return Values.format(sigma);
		}
		return onlyTrue(value, BLUR_RULE);
	}

	static String contrast(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "multiplier", "pivot");
			fields.require("multiplier", EffectValues::multiplier);
			fields.optional("pivot", EffectValues::pivot);
			return fields.toJson();
		}
		List<String> parts = Values.parts(GeometryValues.number(value), 1, 2, CONTRAST_RULE);
		String multiplier = Values.format(Values.part(value, "multiplier", () -> multiplier(parts.get(0))));
		return (parts.size() == 1) ? multiplier
				: multiplier + ":" + Values.format(Values.part(value, "pivot", () -> pivot(parts.get(1))));
	}

	/**
	 * The legacy boolean pair and the object form are sent as {@code vertical},
	 * {@code horizontal} or {@code both}; a flip of neither axis is rejected.
	 */
	static String flip(Object value) {
		Object horizontal;
		Object vertical;
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "horizontal", "vertical").requireAny();
			horizontal = fields.has("horizontal") ? fields.normalized("horizontal", Values::bool) : Boolean.FALSE;
			vertical = fields.has("vertical") ? fields.normalized("vertical", Values::bool) : Boolean.FALSE;
		}
		else {
			String token = Values.token(value, FLIP_RULE);
			if (List.of("vertical", "horizontal", "both").contains(token)) {
				return token;
			}
			List<String> parts = Values.parts(value, 2, 2, FLIP_RULE);
			horizontal = Values.part(value, "horizontal", () -> Values.bool(parts.get(0)));
			vertical = Values.part(value, "vertical", () -> Values.bool(parts.get(1)));
		}
		if (Boolean.TRUE.equals(horizontal)) {
			return Boolean.TRUE.equals(vertical) ? "both" : "horizontal";
		}
		if (Boolean.TRUE.equals(vertical)) {
			return "vertical";
		}
		throw InvalidValueException.of(value, "flips neither axis", FLIP_RULE + "; omit flip instead");
	}

	static String negate(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "alpha");
			fields.require("alpha", Values::bool);
			return "alpha:" + fields.json().get("alpha");
		}
		if (Values.booleanOrNull(value) != null) {
			return onlyTrue(value, NEGATE_RULE);
		}
		List<String> parts = Values.parts(value, 2, 2, NEGATE_RULE);
		if (!"alpha".equalsIgnoreCase(parts.get(0))) {
			throw InvalidValueException.of(value, "is not alpha:<boolean>", NEGATE_RULE);
		}
		return "alpha:" + Values.part(value, "alpha", () -> Values.bool(parts.get(1)));
	}

	/**
	 * The object form is sent as {@code lower:upper}: the official SDKs disagree here,
	 * and {@code lower:upper} is the form the CDN documents.
	 */
	static String normalize(Object value) {
		Boolean bool = Values.booleanOrNull(value);
		if (bool != null) {
			return bool.toString();
		}
		Object lower;
		Object upper;
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "lower", "upper");
			fields.require("lower", EffectValues::percentile);
			fields.require("upper", EffectValues::percentile);
			lower = Objects.requireNonNull(fields.json().get("lower"));
			upper = Objects.requireNonNull(fields.json().get("upper"));
		}
		else {
			List<String> parts = Values.parts(value, 2, 2, NORMALIZE_RULE);
			lower = Values.part(value, "lower", () -> percentile(parts.get(0)));
			upper = Values.part(value, "upper", () -> percentile(parts.get(1)));
		}
		if (((BigDecimal) lower).compareTo((BigDecimal) upper) >= 0) {
			throw InvalidValueException.of(value, "has lower not below upper", NORMALIZE_RULE);
		}
		return Values.format((BigDecimal) lower) + ":" + Values.format((BigDecimal) upper);
	}

	static String sharpen(Object value) {
		if (value instanceof Map<?, ?> map) {
			List<String> keys = List.of("sigma", "m1", "m2", "x1", "y2", "y3", "flat", "jagged");
			ObjectFields fields = ObjectFields.read(map, keys.toArray(String[]::new)).requireAny();
			fields.optional("sigma", EffectValues::nonNegative);
			keys.subList(1, keys.size())
				.forEach((key) -> fields.optional(key, (n) -> Values.number(n, "must be a number")));
			return fields.toJson();
		}
		if (isNumber(value)) {
			BigDecimal sigma = Values.number(value, SHARPEN_RULE);
			if (sigma.signum() <= 0) {
				throw InvalidValueException.of(value, "is out of range", SHARPEN_RULE);
			}
			return Values.format(sigma);
		}
		return onlyTrue(value, SHARPEN_RULE);
	}

	private static String onlyTrue(Object value, String rule) {
		Boolean bool = Values.booleanOrNull(value);
		if (bool == null) {
			throw InvalidValueException.of(value, "is not valid", rule);
		}
		if (!bool) {
			throw InvalidValueException.of(value, "is not accepted", rule + "; omit the parameter instead");
		}
		return "true";
	}

	static boolean isNumber(Object value) {
		return value instanceof Number || Values.isDecimal(value);
	}

	private static BigDecimal nonNegative(Object value) {
		String rule = "must be a number from 0";
		BigDecimal number = Values.number(value, rule);
		if (number.signum() < 0) {
			throw InvalidValueException.of(value, "is out of range", rule);
		}
		return number;
	}

	private static BigDecimal multiplier(Object value) {
		return Values.numberIn(value, MIN_MULTIPLIER, BigDecimal.TEN);
	}

	private static BigDecimal pivot(Object value) {
		return Values.numberIn(value, BigDecimal.ZERO, BigDecimal.valueOf(255));
	}

	private static BigDecimal percentile(Object value) {
		return Values.numberIn(value, BigDecimal.ZERO, BigDecimal.valueOf(100));
	}

}
