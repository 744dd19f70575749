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
 *
 * @author Imgwire
 */
public enum TransformationParameter {

	/** {@code adjust}, alias {@code a}. */
	ADJUST("adjust", EffectValues::adjust, "a"),
	/** {@code background}, alias {@code bg}. */
	BACKGROUND("background", Colors::forUrl, "bg"),
	/** {@code background_alpha}, alias {@code bga}. */
	BACKGROUND_ALPHA("background_alpha", (v) -> number(v, "0", "1"), "bga"),
	/** {@code blur}, alias {@code bl}. */
	BLUR("blur", EffectValues::blur, "bl"),
	/** {@code brightness}, alias {@code br}. */
	BRIGHTNESS("brightness", (v) -> number(v, "0.01", "10"), "br"),
	/** {@code chroma_subsampling}. */
	CHROMA_SUBSAMPLING("chroma_subsampling", EncodingValues::chromaSubsampling),
	/** {@code color_profile}, aliases {@code cp} and {@code icc}. */
	COLOR_PROFILE("color_profile", EncodingValues::colorProfile, "cp", "icc"),
	/** {@code colorize}, alias {@code col}. */
	COLORIZE("colorize", Colors::forUrl, "col"),
	/** {@code contrast}, alias {@code co}. */
	CONTRAST("contrast", EffectValues::contrast, "co"),
	/** {@code crop}, alias {@code c}. */
	CROP("crop", GeometryValues::crop, "c"),
	/** {@code dpi}. */
	DPI("dpi", (v) -> String.valueOf(Values.integerIn(v, 1, 600))),
	/** {@code dpr}. */
	DPR("dpr", (v) -> number(v, "0.01", "8")),
	/** {@code duotone}, alias {@code dt}. */
	DUOTONE("duotone", ColorEffectValues::duotone, "dt"),
	/** {@code enlarge}, alias {@code el}. */
	ENLARGE("enlarge", TransformationParameter::bool, "el"),
	/** {@code extend}, alias {@code ex}. */
	EXTEND("extend", GeometryValues::extend, "ex"),
	/** {@code extend_aspect_ratio}, aliases {@code exar} and {@code extend_ar}. */
	EXTEND_ASPECT_RATIO("extend_aspect_ratio", GeometryValues::extendAspectRatio, "exar", "extend_ar"),
	/** {@code flip}, alias {@code fl}. */
	FLIP("flip", EffectValues::flip, "fl"),
	/** {@code format}, aliases {@code f}, {@code ext} and {@code extension}. */
	FORMAT("format", Format::normalize, "f", "ext", "extension"),
	/** {@code gradient}, alias {@code gr}. */
	GRADIENT("gradient", ColorEffectValues::gradient, "gr"),
	/** {@code gravity}, alias {@code g}. */
	GRAVITY("gravity", Gravity::normalizeParameter, "g"),
	/** {@code height}, alias {@code h}. */
	HEIGHT("height", TransformationParameter::dimension, "h"),
	/** {@code hue}, alias {@code hu}. */
	HUE("hue", (v) -> Values.format(Values.number(v, "must be a number")), "hu"),
	/** {@code keep_copyright}, alias {@code kcr}. */
	KEEP_COPYRIGHT("keep_copyright", TransformationParameter::bool, "kcr"),
	/** {@code lightness}, alias {@code l}. */
	LIGHTNESS("lightness", (v) -> number(v, "0.01", "10"), "l"),
	/** {@code min-height} (with a hyphen), aliases {@code mh} and {@code min_height}. */
	MIN_HEIGHT("min-height", TransformationParameter::dimension, "mh", "min_height"),
	/** {@code min-width} (with a hyphen), aliases {@code mw} and {@code min_width}. */
	MIN_WIDTH("min-width", TransformationParameter::dimension, "mw", "min_width"),
	/** {@code monochrome}, alias {@code mc}. */
	MONOCHROME("monochrome", ColorEffectValues::monochrome, "mc"),
	/** {@code negate}, alias {@code neg}. */
	NEGATE("negate", EffectValues::negate, "neg"),
	/** {@code normalize}, aliases {@code norm} and {@code normalise}. */
	NORMALIZE("normalize", EffectValues::normalize, "norm", "normalise"),
	/** {@code padding}, alias {@code pd}. */
	PADDING("padding", GeometryValues::padding, "pd"),
	/** {@code pixelate}, alias {@code pix}. */
	PIXELATE("pixelate", (v) -> String.valueOf(Values.integerIn(v, 2, 256)), "pix"),
	/** {@code progressive}. */
	PROGRESSIVE("progressive", EncodingValues::progressive),
	/** {@code quality}, alias {@code q}. */
	QUALITY("quality", EncodingValues::quality, "q"),
	/** {@code resizing_algorithm}, alias {@code ra}. */
	RESIZING_ALGORITHM("resizing_algorithm", EncodingValues::resizingAlgorithm, "ra"),
	/** {@code resizing_type}. */
	RESIZING_TYPE("resizing_type", ResizingType::normalize),
	/** {@code rotate}, alias {@code rot}. */
	ROTATE("rotate", GeometryValues::rotate, "rot"),
	/** {@code saturation}, alias {@code sa}. */
	SATURATION("saturation", (v) -> number(v, "0.01", "10"), "sa"),
	/** {@code sharpen}, alias {@code sh}. */
	SHARPEN("sharpen", EffectValues::sharpen, "sh"),
	/** {@code strip_color_profile}, alias {@code scp}. */
	STRIP_COLOR_PROFILE("strip_color_profile", TransformationParameter::bool, "scp"),
	/** {@code strip_metadata}, alias {@code sm}. */
	STRIP_METADATA("strip_metadata", TransformationParameter::bool, "sm"),
	/** {@code watermark}, alias {@code wm}. */
	WATERMARK("watermark", WatermarkValues::watermark, "wm"),
	/** {@code watermark_position}, aliases {@code wmp} and {@code watermark_offset}. */
	WATERMARK_POSITION("watermark_position", WatermarkValues::position, "wmp", "watermark_offset"),
	/** {@code watermark_rotate}, aliases {@code wmr} and {@code wm_rot}. */
	WATERMARK_ROTATE("watermark_rotate", GeometryValues::rotate, "wmr", "wm_rot"),
	/** {@code watermark_shadow}, alias {@code wmsh}. */
	WATERMARK_SHADOW("watermark_shadow", WatermarkValues::shadow, "wmsh"),
	/** {@code watermark_size}, alias {@code wms}. */
	WATERMARK_SIZE("watermark_size", WatermarkValues::size, "wms"),
	/** {@code watermark_text}, alias {@code wmt}. */
	WATERMARK_TEXT("watermark_text", WatermarkValues::text, "wmt"),
	/** {@code watermark_url}, alias {@code wmu}. */
	WATERMARK_URL("watermark_url", WatermarkValues::url, "wmu"),
	/** {@code width}, alias {@code w}. */
	WIDTH("width", TransformationParameter::dimension, "w"),
	/** {@code zoom}, alias {@code z}. */
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
