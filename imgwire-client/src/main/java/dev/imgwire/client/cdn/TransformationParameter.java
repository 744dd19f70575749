package dev.imgwire.client.cdn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every transformation parameter of the Imgwire CDN, by canonical name, with its aliases
 * and the rule its value follows. URLs carry canonical names only; aliases are accepted
 * as input to {@link ImageUrl#param(String, Object)}.
 * <p>
 * Values may be strings, the JDK's numbers, booleans (where the rule says boolean:
 * {@code true}, {@code t}, {@code 1}, {@code false}, {@code f} or {@code 0}), the enums
 * of this package and, for the parameters with an object form, a {@code Map}, which is
 * sent as compact JSON with sorted keys. A JSON string is not parsed: pass a {@code Map}.
 * Colours are hex {@code rgb}, {@code rrggbb} or {@code rrggbbaa} with or without
 * {@code #}, {@code r:g:b[:alpha]}, or a {@code Map} with {@code r}, {@code g}, {@code b}
 * and optional {@code alpha}; inside colon-separated values, hex only.
 * <p>
 * Longer than the package's other files only because each of the 49 constants documents
 * its value rule.
 *
 * @author Imgwire
 */
public enum TransformationParameter {

	/**
	 * {@code adjust}, alias {@code a}: {@code brightness[:saturation[:color]]}, each from
	 * 0.01 to 10, or a Map.
	 */
	ADJUST("adjust", EffectValues::adjust, "a"),
	/**
	 * {@code background}, alias {@code bg}: a colour, sent as lower-case hex without
	 * {@code #} or as {@code r:g:b[:alpha]}.
	 */
	BACKGROUND("background", Colors::forUrl, "bg"),
	/**
	 * {@code background_alpha}, alias {@code bga}: a number from 0 to 1.
	 */
	BACKGROUND_ALPHA("background_alpha", (v) -> number(v, "0", "1"), "bga"),
	/**
	 * {@code blur}, alias {@code bl}: {@code true} or a sigma from 0.3 to 100; a number
	 * is always a sigma.
	 */
	BLUR("blur", EffectValues::blur, "bl"),
	/**
	 * {@code brightness}, alias {@code br}: a number from 0.01 to 10.
	 */
	BRIGHTNESS("brightness", (v) -> number(v, "0.01", "10"), "br"),
	/**
	 * {@code chroma_subsampling}: {@code 4:4:4}, {@code 4:2:2} or {@code auto}.
	 */
	CHROMA_SUBSAMPLING("chroma_subsampling", EncodingValues::chromaSubsampling),
	/**
	 * {@code color_profile}, aliases {@code cp} and {@code icc}: {@code srgb},
	 * {@code rgb16}, {@code cmyk}, {@code keep} or {@code preserve}.
	 */
	COLOR_PROFILE("color_profile", EncodingValues::colorProfile, "cp", "icc"),
	/**
	 * {@code colorize}, alias {@code col}: a colour.
	 */
	COLORIZE("colorize", Colors::forUrl, "col"),
	/**
	 * {@code contrast}, alias {@code co}: {@code multiplier[:pivot]} (0.01 to 10, 0 to
	 * 255), or a Map.
	 */
	CONTRAST("contrast", EffectValues::contrast, "co"),
	/**
	 * {@code crop}, alias {@code c}: {@code width:height[:gravity]}, sent with
	 * {@code :ce} when no gravity is given, {@code x:y:width:height[:gravity]}, or a Map.
	 */
	CROP("crop", GeometryValues::crop, "c"),
	/**
	 * {@code dpi}: an integer from 1 to 600.
	 */
	DPI("dpi", (v) -> String.valueOf(Values.integerIn(v, 1, 600))),
	/**
	 * {@code dpr}: a number from 0.01 to 8.
	 */
	DPR("dpr", (v) -> number(v, "0.01", "8")),
	/**
	 * {@code duotone}, alias {@code dt}: {@code shadowColor:highlightColor} in hex, or a
	 * Map.
	 */
	DUOTONE("duotone", ColorEffectValues::duotone, "dt"),
	/**
	 * {@code enlarge}, alias {@code el}: a boolean.
	 */
	ENLARGE("enlarge", TransformationParameter::bool, "el"),
	/**
	 * {@code extend}, alias {@code ex}: {@code top[:right[:bottom[:left[:background]]]]},
	 * or a Map.
	 */
	EXTEND("extend", GeometryValues::extend, "ex"),
	/**
	 * {@code extend_aspect_ratio}, aliases {@code exar} and {@code extend_ar}: a ratio
	 * from 0.01 to 8192, {@code width:height}, or a Map.
	 */
	EXTEND_ASPECT_RATIO("extend_aspect_ratio", GeometryValues::extendAspectRatio, "exar", "extend_ar"),
	/**
	 * {@code flip}, alias {@code fl}: {@code vertical}, {@code horizontal}, {@code both},
	 * the legacy {@code horizontal:vertical} booleans, or a Map; sent as one of the three
	 * words.
	 */
	FLIP("flip", EffectValues::flip, "fl"),
	/**
	 * {@code format}, aliases {@code f}, {@code ext} and {@code extension}: a
	 * {@link Format}; {@code jpeg} is sent as {@code jpg}.
	 */
	FORMAT("format", Format::normalize, "f", "ext", "extension"),
	/**
	 * {@code gradient}, alias {@code gr}:
	 * {@code color1,color2[,colorN][:angle[:opacity[:blend]]]}, or a Map.
	 */
	GRADIENT("gradient", ColorEffectValues::gradient, "gr"),
	/**
	 * {@code gravity}, alias {@code g}: a {@link Gravity}, a shorthand, or {@code ce:sm}
	 * (sent as {@code attention}).
	 */
	GRAVITY("gravity", Gravity::normalizeParameter, "g"),
	/**
	 * {@code height}, alias {@code h}: an integer from 1 to 8192.
	 */
	HEIGHT("height", TransformationParameter::dimension, "h"),
	/**
	 * {@code hue}, alias {@code hu}: a number.
	 */
	HUE("hue", (v) -> Values.format(Values.number(v, "must be a number")), "hu"),
	/**
	 * {@code keep_copyright}, alias {@code kcr}: a boolean.
	 */
	KEEP_COPYRIGHT("keep_copyright", TransformationParameter::bool, "kcr"),
	/**
	 * {@code lightness}, alias {@code l}: a number from 0.01 to 10.
	 */
	LIGHTNESS("lightness", (v) -> number(v, "0.01", "10"), "l"),
	/**
	 * {@code min-height} (with a hyphen), aliases {@code mh} and {@code min_height}: an
	 * integer from 1 to 8192.
	 */
	MIN_HEIGHT("min-height", TransformationParameter::dimension, "mh", "min_height"),
	/**
	 * {@code min-width} (with a hyphen), aliases {@code mw} and {@code min_width}: an
	 * integer from 1 to 8192.
	 */
	MIN_WIDTH("min-width", TransformationParameter::dimension, "mw", "min_width"),
	/**
	 * {@code monochrome}, alias {@code mc}: a boolean or a colour; {@code false} is sent,
	 * as the documented no-op.
	 */
	MONOCHROME("monochrome", ColorEffectValues::monochrome, "mc"),
	/**
	 * {@code negate}, alias {@code neg}: {@code true}, {@code alpha:<boolean>}, or a Map.
	 */
	NEGATE("negate", EffectValues::negate, "neg"),
	/**
	 * {@code normalize}, aliases {@code norm} and {@code normalise}: a boolean,
	 * {@code lower:upper} (0 to 100), or a Map; sent as a boolean or {@code lower:upper}.
	 */
	NORMALIZE("normalize", EffectValues::normalize, "norm", "normalise"),
	/**
	 * {@code padding}, alias {@code pd}: {@code all}, {@code x:y}, {@code top:x:bottom}
	 * or {@code top:right:bottom:left} (0 to 8192), or a Map.
	 */
	PADDING("padding", GeometryValues::padding, "pd"),
	/**
	 * {@code pixelate}, alias {@code pix}: an integer from 2 to 256.
	 */
	PIXELATE("pixelate", (v) -> String.valueOf(Values.integerIn(v, 2, 256)), "pix"),
	/**
	 * {@code progressive}: a boolean or {@code auto}.
	 */
	PROGRESSIVE("progressive", EncodingValues::progressive),
	/**
	 * {@code quality}, alias {@code q}: an integer from 1 to 100, or {@code auto}.
	 */
	QUALITY("quality", EncodingValues::quality, "q"),
	/**
	 * {@code resizing_algorithm}, alias {@code ra}: {@code nearest}, {@code cubic},
	 * {@code mitchell}, {@code lanczos2} or {@code lanczos3}.
	 */
	RESIZING_ALGORITHM("resizing_algorithm", EncodingValues::resizingAlgorithm, "ra"),
	/**
	 * {@code resizing_type}: a {@link ResizingType}, or a legacy value.
	 */
	RESIZING_TYPE("resizing_type", ResizingType::normalize),
	/**
	 * {@code rotate}, alias {@code rot}: an integer angle, {@code angle:background} with
	 * a hex background, or a Map.
	 */
	ROTATE("rotate", GeometryValues::rotate, "rot"),
	/**
	 * {@code saturation}, alias {@code sa}: a number from 0.01 to 10.
	 */
	SATURATION("saturation", (v) -> number(v, "0.01", "10"), "sa"),
	/**
	 * {@code sharpen}, alias {@code sh}: {@code true}, a sigma greater than 0, or a Map.
	 */
	SHARPEN("sharpen", EffectValues::sharpen, "sh"),
	/**
	 * {@code strip_color_profile}, alias {@code scp}: a boolean.
	 */
	STRIP_COLOR_PROFILE("strip_color_profile", TransformationParameter::bool, "scp"),
	/**
	 * {@code strip_metadata}, alias {@code sm}: a boolean.
	 */
	STRIP_METADATA("strip_metadata", TransformationParameter::bool, "sm"),
	/**
	 * {@code watermark}, alias {@code wm}: {@code image_id[:gravity[:x[:y]]]}, or a Map;
	 * one watermark source per URL.
	 */
	WATERMARK("watermark", WatermarkValues::watermark, "wm"),
	/**
	 * {@code watermark_position}, aliases {@code wmp} and {@code watermark_offset}:
	 * {@code gravity[:x[:y[:opacity[:blend]]]]}, or a Map; needs a watermark source.
	 */
	WATERMARK_POSITION("watermark_position", WatermarkValues::position, "wmp", "watermark_offset"),
	/**
	 * {@code watermark_rotate}, aliases {@code wmr} and {@code wm_rot}: as
	 * {@link #ROTATE}; needs a watermark source.
	 */
	WATERMARK_ROTATE("watermark_rotate", GeometryValues::rotate, "wmr", "wm_rot"),
	/**
	 * {@code watermark_shadow}, alias {@code wmsh}: {@code true},
	 * {@code color[:blur[:x[:y]]]}, or a Map; needs a watermark source.
	 */
	WATERMARK_SHADOW("watermark_shadow", WatermarkValues::shadow, "wmsh"),
	/**
	 * {@code watermark_size}, alias {@code wms}: {@code width[:height[:scale]]}, or a
	 * Map; needs a watermark source.
	 */
	WATERMARK_SIZE("watermark_size", WatermarkValues::size, "wms"),
	/**
	 * {@code watermark_text}, alias {@code wmt}: a text of 1 to 2048 characters, or a
	 * Map; one watermark source per URL.
	 */
	WATERMARK_TEXT("watermark_text", WatermarkValues::text, "wmt"),
	/**
	 * {@code watermark_url}, alias {@code wmu}: an https URL, sent base64-encoded, or the
	 * base64 of one; one watermark source per URL.
	 */
	WATERMARK_URL("watermark_url", WatermarkValues::url, "wmu"),
	/**
	 * {@code width}, alias {@code w}: an integer from 1 to 8192.
	 */
	WIDTH("width", TransformationParameter::dimension, "w"),
	/**
	 * {@code zoom}, alias {@code z}: {@code factor[:gravity]} with a factor from 1 to 10,
	 * or a Map; sent as {@code factor[:gravity]}.
	 */
	ZOOM("zoom", GeometryValues::zoom, "z");

	private static final Map<String, TransformationParameter> BY_NAME = new HashMap<>();

	static {
		for (TransformationParameter parameter : values()) {
			BY_NAME.put(parameter.canonicalName, parameter);
			parameter.aliases.forEach((alias) -> BY_NAME.put(alias, parameter));
		}
	}

	private final String canonicalName;

	private final List<String> aliases;

	private final Function<Object, String> normalizer;

	TransformationParameter(String canonicalName, Function<Object, String> normalizer, String... aliases) {
		this.canonicalName = canonicalName;
		this.normalizer = normalizer;
		this.aliases = List.of(aliases);
	}

	/**
	 * The name the URL carries, e.g. {@code width} or {@code min-height}.
	 * @return the canonical name
	 */
	public String canonicalName() {
		return this.canonicalName;
	}

	/**
	 * The other names accepted as input, e.g. {@code w} for {@code width}.
	 * @return the aliases, possibly empty
	 */
	public List<String> aliases() {
		return this.aliases;
	}

	/**
	 * Find a parameter by its canonical name or one of its aliases. Names are exact:
	 * {@code Width} is not {@code width}.
	 * @param name the name
	 * @return the parameter
	 * @throws IllegalArgumentException when no parameter has that name
	 */
	public static TransformationParameter fromName(String name) {
		Arguments.notNull(name, "parameter name");
		TransformationParameter parameter = BY_NAME.get(name);
		if (parameter != null) {
			return parameter;
		}
		String hint;
		if ("preset".equals(name)) {
			hint = "a preset is a path suffix: use preset(...)";
		}
		else if (BY_NAME.containsKey(name.trim().toLowerCase(Locale.ROOT))) {
			hint = "names are exact and lower case: use \"" + name.trim().toLowerCase(Locale.ROOT) + "\"";
		}
		else {
			hint = "must be one of " + Arrays.stream(values())
				.map(TransformationParameter::canonicalName)
				.collect(Collectors.joining(", ")) + ", or one of their aliases";
		}
		throw new IllegalArgumentException(Values.describe(name) + " is not a transformation parameter; " + hint);
	}

	/**
	 * Normalise a value to its URL form.
	 * @throws InvalidValueException when the value breaks the parameter's rule
	 */
	String normalize(Object value) {
		return this.normalizer.apply(value);
	}

	private static String number(Object value, String min, String max) {
		return Values.format(Values.numberIn(value, min, max));
	}

	private static String dimension(Object value) {
		return String.valueOf(Values.dimension(value));
	}

	private static String bool(Object value) {
		return String.valueOf(Values.bool(value));
	}

}
