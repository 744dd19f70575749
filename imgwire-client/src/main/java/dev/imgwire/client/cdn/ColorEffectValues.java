package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalisers of the colour effects: {@code duotone}, {@code gradient} and
 * {@code monochrome}, and of the opacity and blend parts they share with the watermark
 * parameters.
 * <p>
 * {@code monochrome=false} is sent rather than dropped: the CDN documents it, as a no-op.
 *
 * @author Imgwire
 */
final class ColorEffectValues {

	static final String DUOTONE_RULE = "must be shadowColor:highlightColor (hex colors), "
			+ "or a Map with shadowColor and highlightColor";

	static final String GRADIENT_RULE = "must be color1,color2[,colorN][:angle[:opacity[:blend]]] (hex colors, "
			+ "an angle from -360 to 360, an opacity from 0 to 1, a blend mode), "
			+ "or a Map with colors, angle, opacity, blend";

	static final Pattern BLEND = Pattern.compile("[a-z][a-z-]*");

	private ColorEffectValues() {
	}

	static String duotone(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "shadowColor", "highlightColor");
			fields.require("shadowColor", Colors::forJson);
			fields.require("highlightColor", Colors::forJson);
			return fields.toJson();
		}
		List<String> parts = Values.parts(value, 2, 2, DUOTONE_RULE);
		return Values.part(value, "shadowColor", () -> Colors.hex(parts.get(0))) + ":"
				+ Values.part(value, "highlightColor", () -> Colors.hex(parts.get(1)));
	}

	static String gradient(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "colors", "angle", "opacity", "blend").requireAny();
			fields.optional("colors", ColorEffectValues::colorList);
			fields.optional("angle", ColorEffectValues::angle);
			fields.optional("opacity", ColorEffectValues::opacity);
			fields.optional("blend", ColorEffectValues::blend);
			return fields.toJson();
		}
		List<String> parts = Values.parts(value, 1, 4, GRADIENT_RULE);
		String[] colors = parts.get(0).split(",", -1);
		if (colors.length < 2) {
			throw InvalidValueException.of(value, "has fewer than two colors", GRADIENT_RULE);
		}
		List<String> gradient = new ArrayList<>();
		List<String> hexes = new ArrayList<>();
		for (String color : colors) {
			hexes.add(Values.part(value, "color", () -> Colors.hex(color.trim())));
		}
		gradient.add(String.join(",", hexes));
		if (parts.size() > 1) {
			gradient.add(Values.format(Values.part(value, "angle", () -> angle(parts.get(1)))));
		}
		if (parts.size() > 2) {
			gradient.add(Values.format(Values.part(value, "opacity", () -> opacity(parts.get(2)))));
		}
		if (parts.size() > 3) {
			gradient.add(Values.part(value, "blend", () -> blend(parts.get(3))));
		}
		return String.join(":", gradient);
	}

	static String monochrome(Object value) {
		Boolean bool = EffectValues.isNumber(value) ? null : Values.booleanOrNull(value);
		if (bool != null) {
			return bool.toString();
		}
		try {
			return Colors.forUrl(value);
		}
		catch (InvalidValueException ex) {
			throw InvalidValueException.of(value, "is neither a boolean nor a color",
					"must be true, false or a color; " + Colors.RULE.substring("must be ".length()));
		}
	}

	static BigDecimal opacity(Object value) {
		return Values.numberIn(value, BigDecimal.ZERO, BigDecimal.ONE);
	}

	static String blend(Object value) {
		String rule = "must be a blend mode: lower-case letters and hyphens";
		String blend = Values.token(value, rule);
		if (!BLEND.matcher(blend).matches()) {
			throw InvalidValueException.of(value, "is not a blend mode", rule);
		}
		return blend;
	}

	private static BigDecimal angle(Object value) {
		return Values.numberIn(value, BigDecimal.valueOf(-360), BigDecimal.valueOf(360));
	}

	private static List<Object> colorList(Object value) {
		String rule = "must be a List of at least two colors";
		if (!(value instanceof List<?> list) || list.size() < 2) {
			throw InvalidValueException.of(value, "is not a list of two or more colors", rule);
		}
		List<Object> colors = new ArrayList<>();
		for (Object color : list) {
			if (color == null) {
				throw InvalidValueException.of(value, "has a null color", rule);
			}
			colors.add(Values.part(value, "color", () -> Colors.forJson(color)));
		}
		return colors;
	}

}
