package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalisers of the parameters that change the image's geometry: {@code crop},
 * {@code padding}, {@code extend}, {@code extend_aspect_ratio}, {@code zoom} and
 * {@code rotate} (also used by {@code watermark_rotate}).
 * <p>
 * Each takes its colon-delimited string form or, where the CDN defines one, its object
 * form as a {@code Map}, which is sent as compact JSON.
 *
 * @author Imgwire
 */
final class GeometryValues {

	static final String CROP_RULE = "must be width:height[:gravity] or x:y:width:height[:gravity] "
			+ "(width and height integers from 1 to 8192, x and y integers from 0), "
			+ "or a Map with width, height and optional x, y, gravity";

	static final String PADDING_RULE = "must be all, x:y, top:x:bottom or top:right:bottom:left "
			+ "(integers from 0 to 8192), or a Map with all, x, y, top, right, bottom, left";

	static final String EXTEND_RULE = "must be top[:right[:bottom[:left[:background]]]] "
			+ "(integers from 0 to 8192, a hex background), or a Map with top, right, bottom, left, background";

	static final String ASPECT_RATIO_RULE = "must be a ratio from 0.01 to 8192, width:height (numbers from 1 to 8192), "
			+ "or a Map with width and height, or with ratio";

	static final String ZOOM_RULE = "must be factor[:gravity] with a factor from 1 to 10, "
			+ "or a Map with factor and optional gravity";

	static final String ROTATE_RULE = "must be an integer angle, angle:background with a hex background, "
			+ "or a Map with angle and optional background";

	/**
	 * The gravity {@code w:h} crops get when none is given, so that the URL always states
	 * it.
	 */
	static final String DEFAULT_CROP_GRAVITY = Gravity.CENTER.value();

	private GeometryValues() {
	}

	static String crop(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "width", "height", "gravity", "x", "y", "mode");
			fields.require("width", Values::dimension);
			fields.require("height", Values::dimension);
			fields.optional("gravity", Gravity::normalize);
			if (fields.has("x") || fields.has("y") || fields.has("mode")) {
				// An offset crop is the CDN's "extract" mode, and the JSON says so.
				fields.require("x", GeometryValues::offset);
				fields.require("y", GeometryValues::offset);
				fields.normalized("mode", (mode) -> Values.oneOf(mode, List.of("extract")));
				fields.put("mode", "extract");
			}
			return fields.toJson();
		}
		List<String> parts = Values.parts(value, 2, 5, CROP_RULE);
		StringBuilder crop = new StringBuilder();
		int size = parts.size();
		if (size >= 4) {
			crop.append(Values.part(value, "x", () -> offset(parts.get(0)))).append(':');
			crop.append(Values.part(value, "y", () -> offset(parts.get(1)))).append(':');
		}
		int first = (size >= 4) ? 2 : 0;
		crop.append(Values.part(value, "width", () -> Values.dimension(parts.get(first))));
		crop.append(':').append(Values.part(value, "height", () -> Values.dimension(parts.get(first + 1))));
		if (size == 3 || size == 5) {
			crop.append(':').append(Values.part(value, "gravity", () -> Gravity.normalize(parts.get(size - 1))));
		}
		else if (size == 2) {
			crop.append(':').append(DEFAULT_CROP_GRAVITY);
		}
		return crop.toString();
	}

	static String padding(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "all", "x", "y", "top", "right", "bottom", "left")
				.requireAny();
			for (String key : List.of("all", "x", "y", "top", "right", "bottom", "left")) {
				fields.optional(key, GeometryValues::margin);
			}
			return fields.toJson();
		}
		List<String> parts = Values.parts(number(value), 1, 4, PADDING_RULE);
		StringBuilder padding = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			padding.append((i > 0) ? ":" : "").append(Values.part(value, "side", () -> margin(part)));
		}
		return padding.toString();
	}

	static String extend(Object value) {
		List<String> sides = List.of("top", "right", "bottom", "left");
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "top", "right", "bottom", "left", "background").requireAny();
			sides.forEach((side) -> fields.optional(side, GeometryValues::margin));
			fields.optional("background", Colors::forJson);
			return fields.toJson();
		}
		List<String> parts = Values.parts(number(value), 1, 5, EXTEND_RULE);
		StringBuilder extend = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			Object normalized = (i < 4) ? Values.part(value, sides.get(i), () -> margin(part))
					: Values.part(value, "background", () -> Colors.hex(part));
			extend.append((i > 0) ? ":" : "").append(normalized);
		}
		return extend.toString();
	}

	static String extendAspectRatio(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "width", "height", "ratio", "aspectRatio");
			boolean size = fields.has("width") || fields.has("height");
			boolean ratio = fields.has("ratio") || fields.has("aspectRatio");
			if (size == ratio || (fields.has("ratio") && fields.has("aspectRatio"))) {
				throw InvalidValueException.of(value, "is ambiguous or incomplete",
						"must have width and height, or one of ratio and aspectRatio");
			}
			if (ratio) {
				String key = fields.has("ratio") ? "ratio" : "aspectRatio";
				return Values
					.format((BigDecimal) Objects.requireNonNull(fields.normalized(key, GeometryValues::ratio)));
			}
			fields.require("width", GeometryValues::ratioSide);
			fields.require("height", GeometryValues::ratioSide);
			return fields.toJson();
		}
		List<String> parts = Values.parts(number(value), 1, 2, ASPECT_RATIO_RULE);
		if (parts.size() == 1) {
			return Values.format(Values.part(value, "ratio", () -> ratio(parts.get(0))));
		}
		return Values.format(Values.part(value, "width", () -> ratioSide(parts.get(0)))) + ":"
				+ Values.format(Values.part(value, "height", () -> ratioSide(parts.get(1))));
	}

	/**
	 * The object form of zoom is sent as its string form, {@code factor[:gravity]}, the
	 * only form the CDN documents.
	 */
	static String zoom(Object value) {
		Object factor;
		Object gravity = null;
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "factor", "gravity");
			if (!fields.has("factor")) {
				throw InvalidValueException.of(value, "has no factor", ZOOM_RULE);
			}
			factor = Objects.requireNonNull(fields.normalized("factor", GeometryValues::zoomFactor));
			gravity = fields.normalized("gravity", Gravity::normalize);
		}
		else {
			List<String> parts = Values.parts(number(value), 1, 2, ZOOM_RULE);
			factor = Values.part(value, "factor", () -> zoomFactor(parts.get(0)));
			if (parts.size() == 2) {
				gravity = Values.part(value, "gravity", () -> Gravity.normalize(parts.get(1)));
			}
		}
		String zoom = Values.format((BigDecimal) factor);
		return (gravity != null) ? zoom + ":" + gravity : zoom;
	}

	static String rotate(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "angle", "background");
			fields.require("angle", Values::anyInteger);
			fields.optional("background", Colors::forJson);
			return fields.toJson();
		}
		List<String> parts = Values.parts(number(value), 1, 2, ROTATE_RULE);
		String angle = String.valueOf(Values.part(value, "angle", () -> Values.anyInteger(parts.get(0))));
		return (parts.size() == 1) ? angle
				: angle + ":" + Values.part(value, "background", () -> Colors.hex(parts.get(1)));
	}

	private static Object offset(Object value) {
		return Values.integer(value, 0, Integer.MAX_VALUE, "must be an integer of at least 0");
	}

	private static Object margin(Object value) {
		return Values.integerIn(value, 0, 8192);
	}

	private static BigDecimal ratio(Object value) {
		return Values.numberIn(value, new BigDecimal("0.01"), Values.MAX_DIMENSION);
	}

	private static BigDecimal ratioSide(Object value) {
		return Values.numberIn(value, BigDecimal.ONE, Values.MAX_DIMENSION);
	}

	private static BigDecimal zoomFactor(Object value) {
		return Values.numberIn(value, BigDecimal.ONE, BigDecimal.TEN);
	}

	/**
	 * Let a single number stand for its one-part string form, e.g. {@code rotate(90)}.
	 */
	static Object number(Object value) {
		return (value instanceof Number) ? Values.format(Values.number(value, "must be a number")) : value;
	}

}
