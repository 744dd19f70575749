package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Normalisers of the watermark parameters: the three sources ({@code watermark},
 * {@code watermark_text}, {@code watermark_url}) and the modifiers
 * ({@code watermark_position}, {@code watermark_shadow}, {@code watermark_size});
 * {@code watermark_rotate} shares {@link GeometryValues#rotate(Object)}.
 *
 * @author Imgwire
 */
final class WatermarkValues {

	static final String WATERMARK_RULE = "must be image_id[:gravity[:x[:y]]] (an image id without : or /, "
			+ "integer offsets), or a Map with image_id and optional gravity, x, y, opacity, blend";

	static final String POSITION_RULE = "must be gravity[:x[:y[:opacity[:blend]]]] (integer offsets, an opacity "
			+ "from 0 to 1), or a Map with gravity, x, y, left, top, opacity, blend";

	static final String SHADOW_RULE = "must be true, color[:blur[:x[:y]]] (a hex color, a blur from 0.3 to 100, "
			+ "integer offsets), or a Map with color, blur, x, y";

	static final String SIZE_RULE = "must be width[:height[:scale]] (integers from 1 to 8192, a scale from "
			+ "0.01 to 10), or a Map with width, height, scale";

	static final String TEXT_RULE = "must be a text of 1 to 2048 characters, or a Map with text and optional "
			+ "font, size, color, width, height, align, gravity, x, y, left, top, opacity, blend";

	static final String URL_RULE = "must be an https URL, or the standard base64 encoding of one";

	static final int MAX_TEXT_LENGTH = 2048;

	private WatermarkValues() {
	}

	static String watermark(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "image_id", "imageId", "gravity", "x", "y", "opacity",
					"blend");
			if (fields.has("image_id") == fields.has("imageId")) {
				throw InvalidValueException.of(value, "needs exactly one of image_id and imageId", WATERMARK_RULE);
			}
			String key = fields.has("image_id") ? "image_id" : "imageId";
			fields.put("image_id", Objects.requireNonNull(fields.normalized(key, WatermarkValues::imageId)));
			fields.optional("gravity", Gravity::normalize);
			fields.optional("x", Values::anyInteger);
			fields.optional("y", Values::anyInteger);
			fields.optional("opacity", ColorEffectValues::opacity);
			fields.optional("blend", ColorEffectValues::blend);
			return fields.toJson();
		}
		Object text = (value instanceof UUID) ? value.toString() : value;
		List<String> parts = Values.parts(text, 1, 4, WATERMARK_RULE);
		StringBuilder watermark = new StringBuilder(Values.part(value, "image id", () -> imageId(parts.get(0))));
		if (parts.size() > 1) {
			watermark.append(':').append(Values.part(value, "gravity", () -> Gravity.normalize(parts.get(1))));
		}
		for (int i = 2; i < parts.size(); i++) {
			String part = parts.get(i);
			watermark.append(':').append(Values.part(value, (i == 2) ? "x" : "y", () -> Values.anyInteger(part)));
		}
		return watermark.toString();
	}

	static String position(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "gravity", "x", "y", "left", "top", "opacity", "blend")
				.requireAny();
			fields.optional("gravity", Gravity::normalize);
			List.of("x", "y", "left", "top").forEach((key) -> fields.optional(key, Values::anyInteger));
			fields.optional("opacity", ColorEffectValues::opacity);
			fields.optional("blend", ColorEffectValues::blend);
			return fields.toJson();
		}
		List<String> parts = Values.parts(value, 1, 5, POSITION_RULE);
		StringBuilder position = new StringBuilder(
				Values.part(value, "gravity", () -> Gravity.normalize(parts.get(0))));
		for (int i = 1; i < parts.size(); i++) {
			String part = parts.get(i);
			Object normalized = switch (i) {
				case 1 -> Values.part(value, "x", () -> Values.anyInteger(part));
				case 2 -> Values.part(value, "y", () -> Values.anyInteger(part));
				case 3 -> Values.format(Values.part(value, "opacity", () -> ColorEffectValues.opacity(part)));
				default -> Values.part(value, "blend", () -> ColorEffectValues.blend(part));
			};
			position.append(':').append(normalized);
		}
		return position.toString();
	}

	static String shadow(Object value) {
		Boolean bool = Values.booleanOrNull(value);
		if (bool != null) {
			if (!bool) {
				throw InvalidValueException.of(value, "is not accepted", SHADOW_RULE + "; omit the parameter instead");
			}
			return "true";
		}
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "color", "blur", "x", "y").requireAny();
			fields.optional("color", Colors::forJson);
			fields.optional("blur", WatermarkValues::shadowBlur);
			fields.optional("x", Values::anyInteger);
			fields.optional("y", Values::anyInteger);
			return fields.toJson();
		}
		List<String> parts = Values.parts(value, 1, 4, SHADOW_RULE);
		StringBuilder shadow = new StringBuilder(Values.part(value, "color", () -> Colors.hex(parts.get(0))));
		for (int i = 1; i < parts.size(); i++) {
			String part = parts.get(i);
			Object normalized = switch (i) {
				case 1 -> Values.format(Values.part(value, "blur", () -> shadowBlur(part)));
				case 2 -> Values.part(value, "x", () -> Values.anyInteger(part));
				default -> Values.part(value, "y", () -> Values.anyInteger(part));
			};
			shadow.append(':').append(normalized);
		}
		return shadow.toString();
	}

	static String size(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "width", "height", "scale").requireAny();
			fields.optional("width", Values::dimension);
			fields.optional("height", Values::dimension);
			fields.optional("scale", WatermarkValues::scale);
			return fields.toJson();
		}
		List<String> parts = Values.parts(GeometryValues.number(value), 1, 3, SIZE_RULE);
		StringBuilder size = new StringBuilder();
		size.append(Values.part(value, "width", () -> Values.dimension(parts.get(0))));
		if (parts.size() > 1) {
			size.append(':').append(Values.part(value, "height", () -> Values.dimension(parts.get(1))));
		}
		if (parts.size() > 2) {
			size.append(':').append(Values.format(Values.part(value, "scale", () -> scale(parts.get(2)))));
		}
		return size.toString();
	}

	static String text(Object value) {
		if (value instanceof Map<?, ?> map) {
			ObjectFields fields = ObjectFields.read(map, "text", "font", "size", "color", "width", "height", "align",
					"gravity", "x", "y", "left", "top", "opacity", "blend");
			fields.require("text", WatermarkValues::plainText);
			fields.optional("font", WatermarkValues::nonEmpty);
			fields.optional("size", (size) -> Values.integerIn(size, 1, 512));
			fields.optional("color", Colors::forJson);
			fields.optional("width", Values::dimension);
			fields.optional("height", Values::dimension);
			fields.optional("align", WatermarkValues::nonEmpty);
			fields.optional("gravity", Gravity::normalize);
			List.of("x", "y", "left", "top").forEach((key) -> fields.optional(key, Values::anyInteger));
			fields.optional("opacity", ColorEffectValues::opacity);
			fields.optional("blend", ColorEffectValues::blend);
			return fields.toJson();
		}
		return plainText(value);
	}

	/**
	 * A raw https URL is base64-encoded (standard alphabet, padded); a value that is
	 * already encoded is kept when it decodes to an https URL.
	 */
	static String url(Object value) {
		String raw = (value instanceof URI || value instanceof URL) ? value.toString() : Values.text(value, URL_RULE);
		String trimmed = raw.trim();
		if (isHttpsUrl(trimmed)) {
			return Base64.getEncoder().encodeToString(trimmed.getBytes(StandardCharsets.UTF_8));
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(trimmed), StandardCharsets.UTF_8);
			if (isHttpsUrl(decoded)) {
				return trimmed;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not base64 either: reported below.
		}
		throw InvalidValueException.of(value, "is neither an https URL nor the base64 encoding of one", URL_RULE);
	}

	private static boolean isHttpsUrl(String value) {
		try {
			URI uri = new URI(value);
			return uri.getScheme() != null && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String imageId(Object value) {
		String rule = "must be an image id, without : or /";
		String id = (value instanceof UUID) ? value.toString() : Values.text(value, rule).trim();
		if (id.isEmpty() || id.contains(":") || id.contains("/")) {
			throw InvalidValueException.of(value, "is not an image id", rule);
		}
		return id;
	}

	private static String plainText(Object value) {
		String text = Values.text(value, TEXT_RULE);
		if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
			throw InvalidValueException.of(value, "has " + text.length() + " characters", TEXT_RULE);
		}
		return text;
	}

	private static String nonEmpty(Object value) {
		String text = Values.text(value, "must be a non-empty string").trim();
		if (text.isEmpty()) {
			throw InvalidValueException.of(value, "is empty", "must be a non-empty string");
		}
		return text;
	}

	private static BigDecimal shadowBlur(Object value) {
		return Values.numberIn(value, new BigDecimal("0.3"), BigDecimal.valueOf(100));
	}

	private static BigDecimal scale(Object value) {
		return Values.numberIn(value, new BigDecimal("0.01"), BigDecimal.TEN);
	}

}
