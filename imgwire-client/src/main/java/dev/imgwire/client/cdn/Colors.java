package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Colours, in the forms the CDN reads: hex {@code rgb}, {@code rrggbb} or
 * {@code rrggbbaa} with or without {@code #}, {@code r:g:b[:alpha]}, or a map with
 * {@code r}, {@code g}, {@code b} and an optional {@code alpha}.
 * <p>
 * In a query value a hex colour is sent lower-cased without {@code #} (a raw {@code #}
 * would start the URL fragment); inside the JSON of an object value it is sent as
 * {@code "#rrggbb"}, and an {@code r:g:b} colour as an object.
 *
 * @author Imgwire
 */
final class Colors {

	static final String RULE = "must be a color: rgb, rrggbb or rrggbbaa hex with or without #, r:g:b[:alpha], "
			+ "or a Map with r, g, b and optional alpha";

	static final String HEX_RULE = "must be a hex color: rgb, rrggbb or rrggbbaa, with or without #";

	private static final Pattern HEX = Pattern.compile("(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})");

	private Colors() {
	}

	/**
	 * The query form of a colour: {@code ffffff} or {@code 255:255:255[:0.5]}.
	 */
	static String forUrl(Object value) {
		Map<String, Object> rgb = rgbOrNull(value);
		if (rgb == null) {
			return hex(value, RULE);
		}
		String color = rgb.get("r") + ":" + rgb.get("g") + ":" + rgb.get("b");
		return (rgb.containsKey("alpha")) ? color + ":" + Values.format((BigDecimal) rgb.get("alpha")) : color;
	}

	/**
	 * The JSON form of a colour: {@code "#ffffff"} or {@code {"b":255,"g":255,"r":255}}.
	 */
	static Object forJson(Object value) {
		Map<String, Object> rgb = rgbOrNull(value);
		return (rgb != null) ? rgb : "#" + hex(value, RULE);
	}

	/**
	 * A hex colour only, for places where a colon would be ambiguous, such as the
	 * background part of {@code rotate=90:ffffff}.
	 */
	static String hex(Object value) {
		return hex(value, HEX_RULE);
	}

	private static String hex(Object value, String rule) {
		String token = Values.token(value, rule);
		String hex = token.startsWith("#") ? token.substring(1) : token;
		if (!HEX.matcher(hex).matches()) {
			throw InvalidValueException.of(value, "is not a color", rule);
		}
		return hex;
	}

	/**
	 * Read an RGB colour given as a map or as {@code r:g:b[:alpha]}.
	 * @return the sorted components, or {@code null} when the value is neither
	 */
	private static @Nullable Map<String, Object> rgbOrNull(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "r", "g", "b", "alpha");
			fields.require("r", Colors::channel);
			fields.require("g", Colors::channel);
			fields.require("b", Colors::channel);
			fields.optional("alpha", Colors::alpha);
			return fields.json();
		}
		if (!(value instanceof String string) || !string.contains(":")) {
			return null;
		}
		List<String> parts = Values.parts(value, 3, 4, RULE);
		Map<String, Object> rgb = new TreeMap<>();
		String[] names = { "r", "g", "b" };
		try {
			for (int i = 0; i < names.length; i++) {
				rgb.put(names[i], channel(parts.get(i)));
			}
			if (parts.size() == 4) {
				rgb.put("alpha", alpha(parts.get(3)));
			}
		}
		catch (InvalidValueException ex) {
			throw ex.inPart(value, "component");
		}
		return rgb;
	}

	private static Object channel(Object value) {
		return Values.integerIn(value, 0, 255);
	}

	private static Object alpha(Object value) {
		return Values.numberIn(value, BigDecimal.ZERO, BigDecimal.ONE);
	}

}
