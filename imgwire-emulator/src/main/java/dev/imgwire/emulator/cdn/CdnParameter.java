package dev.imgwire.emulator.cdn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transformation parameters the Imgwire CDN understands, by canonical name, with
 * their aliases and the rule the emulator checks their value against. The emulator keeps
 * this table apart from the client's on purpose: a shared table would hide a mistake on
 * both sides.
 * <p>
 * Only {@code width}, {@code height}, {@code dpr}, {@code resizing_type}, {@code format}
 * and {@code quality} are {@link #applied() applied}; the others are checked and then
 * ignored, and the response says so.
 *
 * @author imgwire
 */
enum CdnParameter {

	ADJUST("adjust", ValueRule.ANY, "a"),

	BACKGROUND("background", ValueRule.ANY, "bg"),

	BACKGROUND_ALPHA("background_alpha", ValueRule.ALPHA, "bga"),

	BLUR("blur", ValueRule.BLUR, "bl"),

	BRIGHTNESS("brightness", ValueRule.FACTOR, "br"),

	CHROMA_SUBSAMPLING("chroma_subsampling", ValueRule.CHROMA_SUBSAMPLING),

	COLOR_PROFILE("color_profile", ValueRule.COLOR_PROFILE, "cp", "icc"),

	COLORIZE("colorize", ValueRule.ANY, "col"),

	CONTRAST("contrast", ValueRule.ANY, "co"),

	CROP("crop", ValueRule.ANY, "c"),

	DPI("dpi", ValueRule.DPI),

	DPR("dpr", ValueRule.DPR),

	DUOTONE("duotone", ValueRule.ANY, "dt"),

	ENLARGE("enlarge", ValueRule.BOOLEAN, "el"),

	EXTEND("extend", ValueRule.ANY, "ex"),

	EXTEND_ASPECT_RATIO("extend_aspect_ratio", ValueRule.ANY, "exar", "extend_ar"),

	FLIP("flip", ValueRule.ANY, "fl"),

	FORMAT("format", ValueRule.FORMAT, "f", "ext", "extension"),

	GRADIENT("gradient", ValueRule.ANY, "gr"),

	GRAVITY("gravity", ValueRule.ANY, "g"),

	HEIGHT("height", ValueRule.DIMENSION, "h"),

	HUE("hue", ValueRule.NUMBER, "hu"),

	KEEP_COPYRIGHT("keep_copyright", ValueRule.BOOLEAN, "kcr"),

	LIGHTNESS("lightness", ValueRule.FACTOR, "l"),

	MIN_HEIGHT("min-height", ValueRule.DIMENSION, "mh", "min_height"),

	MIN_WIDTH("min-width", ValueRule.DIMENSION, "mw", "min_width"),

	MONOCHROME("monochrome", ValueRule.ANY, "mc"),

	NEGATE("negate", ValueRule.ANY, "neg"),

	NORMALIZE("normalize", ValueRule.ANY, "norm", "normalise"),

	PADDING("padding", ValueRule.ANY, "pd"),

	PIXELATE("pixelate", ValueRule.PIXELATE, "pix"),

	PROGRESSIVE("progressive", ValueRule.BOOLEAN_OR_AUTO),

	QUALITY("quality", ValueRule.QUALITY, "q"),

	RESIZING_ALGORITHM("resizing_algorithm", ValueRule.RESIZING_ALGORITHM, "ra"),

	RESIZING_TYPE("resizing_type", ValueRule.RESIZING_TYPE),

	ROTATE("rotate", ValueRule.ANY, "rot"),

	SATURATION("saturation", ValueRule.FACTOR, "sa"),

	SHARPEN("sharpen", ValueRule.ANY, "sh"),

	STRIP_COLOR_PROFILE("strip_color_profile", ValueRule.BOOLEAN, "scp"),

	STRIP_METADATA("strip_metadata", ValueRule.BOOLEAN, "sm"),

	WATERMARK("watermark", ValueRule.ANY, "wm"),

	WATERMARK_POSITION("watermark_position", ValueRule.ANY, "wmp", "watermark_offset"),

	WATERMARK_ROTATE("watermark_rotate", ValueRule.ANY, "wmr", "wm_rot"),

	WATERMARK_SHADOW("watermark_shadow", ValueRule.ANY, "wmsh"),

	WATERMARK_SIZE("watermark_size", ValueRule.ANY, "wms"),

	WATERMARK_TEXT("watermark_text", ValueRule.TEXT, "wmt"),

	WATERMARK_URL("watermark_url", ValueRule.ANY, "wmu"),

	WIDTH("width", ValueRule.DIMENSION, "w"),

	ZOOM("zoom", ValueRule.ANY, "z");

	private static final Map<String, CdnParameter> BY_NAME = new HashMap<>();

	static {
		for (CdnParameter parameter : values()) {
			BY_NAME.put(parameter.canonicalName, parameter);
			parameter.aliases.forEach((alias) -> BY_NAME.put(alias, parameter));
		}
	}

	private final String canonicalName;

	private final ValueRule rule;

	private final List<String> aliases;

	CdnParameter(String canonicalName, ValueRule rule, String... aliases) {
		this.canonicalName = canonicalName;
		this.rule = rule;
		this.aliases = List.of(aliases);
	}

	String canonicalName() {
		return this.canonicalName;
	}

	ValueRule rule() {
		return this.rule;
	}

	/**
	 * Whether the emulator changes the image for this parameter; the others are checked
	 * and ignored.
	 * @return whether the parameter is applied
	 */
	boolean applied() {
		return this == WIDTH || this == HEIGHT || this == DPR || this == RESIZING_TYPE || this == FORMAT
				|| this == QUALITY;
	}

	/**
	 * Find a parameter by its canonical name or an alias; names are exact.
	 * @param name the name as it appears in the query
	 * @return the parameter, or empty when the CDN knows no such name
	 */
	static Optional<CdnParameter> named(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

}
