package dev.imgwire.client.cdn;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.imgwire.client.model.Image;
import org.jspecify.annotations.Nullable;

/**
 * An immutable builder of Imgwire CDN transformation URLs:
 * {@code {cdn_url}[@{preset}][?{canonical}={value}&…]}.
 *
 * <pre class="code">
 * String url = ImageUrl.of(image)
 * 	.preset(Preset.MEDIUM)
 * 	.format(Format.AUTO)
 * 	.qualityAuto()
 * 	.toUriString();
 * // https://cdn.imgwire.dev/{org}/{env}/{image}@medium?format=auto&amp;quality=auto
 * </pre>
 *
 * Every method returns a new builder, so a builder can be shared and derived from.
 * <p>
 * <b>Format.</b> The preset is appended to the last path segment as {@code @preset}. The
 * parameters follow under their canonical names only (see
 * {@link TransformationParameter}), sorted by name and form-encoded
 * ({@code application/x-www-form-urlencoded}, so {@code :} becomes {@code %3A} and a
 * space {@code +}). Any query already on the {@code cdn_url} is replaced and any fragment
 * dropped. With no preset and no parameters the URL is the bare {@code cdn_url}.
 * <p>
 * <b>Strict.</b> Unlike the official Python and Node SDKs, which drop invalid values
 * silently, this builder throws {@link IllegalArgumentException} at once for an invalid
 * value, an unknown parameter or preset, a {@code null}, and a parameter set twice (under
 * two aliases, or an alias and the canonical name, or the same name). The message names
 * the parameter, the value and the rule, e.g.
 * {@code width: 0 is out of range; must be an integer from 1 to 8192}.
 * <p>
 * <b>Watermarks.</b> A URL takes one watermark source ({@code watermark},
 * {@code watermark_text} or {@code watermark_url}): a second one is rejected at once. The
 * modifiers ({@code watermark_position}, {@code watermark_rotate},
 * {@code watermark_shadow}, {@code watermark_size}) need a source, which is checked when
 * the URL is rendered, since the source may be set after them.
 * <p>
 * This class is longer than the package's others because it carries the typed shortcuts
 * for the common parameters, each a one-line delegation to
 * {@link #param(TransformationParameter, Object)} with its Javadoc; the value rules live
 * in {@link TransformationParameter} and the normalisers it names.
 *
 * @author Imgwire
 */
public final class ImageUrl {

	private static final Set<TransformationParameter> WATERMARK_SOURCES = EnumSet.of(TransformationParameter.WATERMARK,
			TransformationParameter.WATERMARK_TEXT, TransformationParameter.WATERMARK_URL);

	private static final Set<TransformationParameter> WATERMARK_MODIFIERS = EnumSet.of(
			TransformationParameter.WATERMARK_POSITION, TransformationParameter.WATERMARK_ROTATE,
			TransformationParameter.WATERMARK_SHADOW, TransformationParameter.WATERMARK_SIZE);

	private final CdnUrl base;

	private final @Nullable Preset preset;

	private final SortedMap<String, Setting> settings;

	private final int sourceWidth;

	private final int sourceHeight;

	private ImageUrl(CdnUrl base, @Nullable Preset preset, SortedMap<String, Setting> settings, int sourceWidth,
			int sourceHeight) {
		this.base = base;
		this.preset = preset;
		this.settings = settings;
		this.sourceWidth = sourceWidth;
		this.sourceHeight = sourceHeight;
	}

	/**
	 * Start from an image's {@code cdn_url}. The image's own size is unknown, so
	 * {@link Srcset} keeps every width unless {@link #withSourceWidth(int)} says
	 * otherwise.
	 * @param cdnUrl an absolute http or https URL
	 * @return a builder with no transformations
	 * @throws IllegalArgumentException when the URL is {@code null} or not an absolute
	 * http(s) URL
	 */
	public static ImageUrl of(String cdnUrl) {
		Arguments.notNull(cdnUrl, "cdnUrl");
		return new ImageUrl(CdnUrl.parse(cdnUrl), null, new TreeMap<>(), 0, 0);
	}

	/**
	 * Start from an image. Its width and height, when known (greater than 0), are the
	 * source size used by {@link Srcset} and {@link ImgTag}.
	 * @param image the image
	 * @return a builder with no transformations
	 * @throws IllegalArgumentException when the image or its {@code cdn_url} is
	 * {@code null} or invalid
	 */
	public static ImageUrl of(Image image) {
		Arguments.notNull(image, "image");
		ImageUrl url = of(Arguments.notNull(image.cdnUrl(), "image.cdnUrl"));
		// A width or height of 0 means unknown (e.g. an upload still processing).
		return new ImageUrl(url.base, null, url.settings, Math.max(image.width(), 0), Math.max(image.height(), 0));
	}

	/**
	 * Declare the source image's width, when built from a URL: {@link Srcset} then leaves
	 * out widths beyond it.
	 * @param width the width in pixels, at least 1
	 * @return a new builder
	 */
	public ImageUrl withSourceWidth(int width) {
		return withSourceSize(width, this.sourceHeight, false);
	}

	/**
	 * Declare the source image's size, when built from a URL: {@link Srcset} leaves out
	 * widths beyond it and {@link ImgTag} uses it for the {@code width} and
	 * {@code height} attributes.
	 * @param width the width in pixels, at least 1
	 * @param height the height in pixels, at least 1
	 * @return a new builder
	 */
	public ImageUrl withSourceSize(int width, int height) {
		return withSourceSize(width, height, true);
	}

	private ImageUrl withSourceSize(int width, int height, boolean checkHeight) {
		if (width < 1 || (checkHeight && height < 1)) {
			throw new IllegalArgumentException(
					"source size: " + width + "x" + height + " is out of range; width and height must be at least 1");
		}
		return new ImageUrl(this.base, this.preset, this.settings, width, height);
	}

	/**
	 * Use a named preset, appended to the path as {@code @name}.
	 * @param preset {@code thumbnail}, {@code small}, {@code medium} or {@code large}
	 * @return a new builder
	 * @throws IllegalArgumentException for an unknown preset, or when a preset is already
	 * set
	 */
	public ImageUrl preset(String preset) {
		return preset(Preset.fromValue(preset));
	}

	/**
	 * Use a preset, appended to the path as {@code @name}.
	 * @param preset the preset
	 * @return a new builder
	 * @throws IllegalArgumentException when a preset is already set, or the URL has no
	 * path segment
	 */
	public ImageUrl preset(Preset preset) {
		Arguments.notNull(preset, "preset");
		if (this.preset != null) {
			throw new IllegalArgumentException(
					"preset: already set to " + this.preset.value() + "; a URL takes one preset");
		}
		this.base.checkPresetApplies(preset);
		return new ImageUrl(this.base, preset, this.settings, this.sourceWidth, this.sourceHeight);
	}

	/**
	 * Set any transformation parameter by its canonical name or an alias. Values may be
	 * strings, numbers, booleans, the enums of this package, or a {@code Map} for the
	 * parameters with an object form; see {@link TransformationParameter} for the rules.
	 * @param name the canonical name or an alias, e.g. {@code "width"} or {@code "w"}
	 * @param value the value
	 * @return a new builder
	 * @throws IllegalArgumentException for an unknown name, an invalid or {@code null}
	 * value, or a parameter that is already set
	 */
	public ImageUrl param(String name, Object value) {
		return set(TransformationParameter.fromName(name), name, value);
	}

	/**
	 * Set a transformation parameter.
	 * @param parameter the parameter
	 * @param value the value, as for {@link #param(String, Object)}
	 * @return a new builder
	 * @throws IllegalArgumentException for an invalid or {@code null} value, or a
	 * parameter that is already set
	 */
	public ImageUrl param(TransformationParameter parameter, Object value) {
		Arguments.notNull(parameter, "parameter");
		return set(parameter, parameter.canonicalName(), value);
	}

	/**
	 * Resize to a width: {@code width}, from 1 to 8192.
	 * @param width the width in pixels
	 * @return a new builder
	 */
	public ImageUrl width(int width) {
		return param(TransformationParameter.WIDTH, width);
	}

	/**
	 * Resize to a height: {@code height}, from 1 to 8192.
	 * @param height the height in pixels
	 * @return a new builder
	 */
	public ImageUrl height(int height) {
		return param(TransformationParameter.HEIGHT, height);
	}

	/**
	 * Encode at a quality: {@code quality}, from 1 to 100.
	 * @param quality the quality
	 * @return a new builder
	 */
	public ImageUrl quality(int quality) {
		return param(TransformationParameter.QUALITY, quality);
	}

	/**
	 * Let the CDN choose the quality: {@code quality=auto}.
	 * @return a new builder
	 */
	public ImageUrl qualityAuto() {
		return param(TransformationParameter.QUALITY, "auto");
	}

	/**
	 * Encode in a format: {@code format}. {@link Format#JPG} is sent as {@code jpg}.
	 * @param format the format
	 * @return a new builder
	 */
	public ImageUrl format(Format format) {
		return param(TransformationParameter.FORMAT, Arguments.notNull(format, "format"));
	}

	/**
	 * Choose how the image fits {@code width} and {@code height}: {@code resizing_type}.
	 * @param resizingType the resizing type
	 * @return a new builder
	 */
	public ImageUrl resizingType(ResizingType resizingType) {
		return param(TransformationParameter.RESIZING_TYPE, Arguments.notNull(resizingType, "resizing_type"));
	}

	/**
	 * Anchor resizing and cropping: {@code gravity}.
	 * @param gravity the gravity
	 * @return a new builder
	 */
	public ImageUrl gravity(Gravity gravity) {
		return param(TransformationParameter.GRAVITY, Arguments.notNull(gravity, "gravity"));
	}

	/**
	 * Scale for a device pixel ratio: {@code dpr}, from 0.01 to 8.
	 * @param dpr the ratio
	 * @return a new builder
	 */
	public ImageUrl dpr(double dpr) {
		return param(TransformationParameter.DPR, dpr);
	}

	/**
	 * Crop a centred region: {@code crop=width:height:ce}. The gravity is always stated;
	 * see {@link #crop(int, int, Gravity)}.
	 * @param width the region's width, from 1 to 8192
	 * @param height the region's height, from 1 to 8192
	 * @return a new builder
	 */
	public ImageUrl crop(int width, int height) {
		return param(TransformationParameter.CROP, width + ":" + height);
	}

	/**
	 * Crop a region anchored by a gravity: {@code crop=width:height:gravity}.
	 * @param width the region's width, from 1 to 8192
	 * @param height the region's height, from 1 to 8192
	 * @param gravity where the region is anchored
	 * @return a new builder
	 */
	public ImageUrl crop(int width, int height, Gravity gravity) {
		Arguments.notNull(gravity, "gravity");
		return param(TransformationParameter.CROP, width + ":" + height + ":" + gravity.value());
	}

	/**
	 * Crop the region at an offset: {@code crop=x:y:width:height}.
	 * @param x the left offset, from 0
	 * @param y the top offset, from 0
	 * @param width the region's width, from 1 to 8192
	 * @param height the region's height, from 1 to 8192
	 * @return a new builder
	 */
	public ImageUrl crop(int x, int y, int width, int height) {
		return param(TransformationParameter.CROP, x + ":" + y + ":" + width + ":" + height);
	}

	/**
	 * Blur with a sigma: {@code blur}, from 0.3 to 100.
	 * @param sigma the sigma
	 * @return a new builder
	 */
	public ImageUrl blur(double sigma) {
		return param(TransformationParameter.BLUR, sigma);
	}

	/**
	 * Blur with the CDN's default strength: {@code blur=true}.
	 * @return a new builder
	 */
	public ImageUrl blur() {
		return param(TransformationParameter.BLUR, Boolean.TRUE);
	}

	/**
	 * Fill transparent and padded areas: {@code background}, sent as lower-case hex
	 * without {@code #}, or as {@code r:g:b[:alpha]}.
	 * @param color e.g. {@code "#ffffff"}, {@code "fff"} or {@code "255:255:255"}
	 * @return a new builder
	 */
	public ImageUrl background(String color) {
		return param(TransformationParameter.BACKGROUND, Arguments.notNull(color, "background"));
	}

	/**
	 * The URL, as a string.
	 * @return the URL
	 * @throws IllegalStateException when a watermark modifier is set without a watermark
	 * source
	 */
	public String toUriString() {
		for (Setting setting : this.settings.values()) {
			if (WATERMARK_MODIFIERS.contains(setting.parameter()) && !hasWatermarkSource()) {
				throw new IllegalStateException(setting.parameter().canonicalName()
						+ ": needs a watermark source; set watermark, watermark_text or watermark_url too");
			}
		}
		return render();
	}

	/**
	 * The URL.
	 * @return the URL
	 * @throws IllegalStateException when a watermark modifier is set without a watermark
	 * source
	 */
	public URI toUri() {
		return URI.create(toUriString());
	}

	/**
	 * The preset, if any.
	 * @return the preset
	 */
	public Optional<Preset> preset() {
		return Optional.ofNullable(this.preset);
	}

	/**
	 * The parameters, canonical name to URL value (before form encoding), sorted by name.
	 * @return an unmodifiable map
	 */
	public Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		this.settings.forEach((name, setting) -> parameters.put(name, setting.value()));
		return Collections.unmodifiableMap(parameters);
	}

	/**
	 * The source image's width, when known.
	 * @return the width in pixels
	 */
	public OptionalInt sourceWidth() {
		return (this.sourceWidth > 0) ? OptionalInt.of(this.sourceWidth) : OptionalInt.empty();
	}

	/**
	 * The source image's height, when known.
	 * @return the height in pixels
	 */
	public OptionalInt sourceHeight() {
		return (this.sourceHeight > 0) ? OptionalInt.of(this.sourceHeight) : OptionalInt.empty();
	}

	boolean has(TransformationParameter parameter) {
		return this.settings.containsKey(parameter.canonicalName());
	}

	private ImageUrl set(TransformationParameter parameter, String givenAs, @Nullable Object value) {
		String label = parameter.canonicalName()
				+ (givenAs.equals(parameter.canonicalName()) ? "" : " (given as \"" + givenAs + "\")");
		if (value == null) {
			throw new IllegalArgumentException(label + ": value must not be null; leave the parameter out instead");
		}
		Setting existing = this.settings.get(parameter.canonicalName());
		if (existing != null) {
			throw new IllegalArgumentException(label + ": already set to " + Values.describe(existing.value())
					+ " as \"" + existing.givenAs() + "\"; a parameter may appear once, under one name");
		}
		if (WATERMARK_SOURCES.contains(parameter) && hasWatermarkSource()) {
			throw new IllegalArgumentException(
					label + ": a URL takes one watermark source, and " + watermarkSource() + " is already set");
		}
		String normalized;
		try {
			normalized = parameter.normalize(value);
		}
		catch (InvalidValueException ex) {
			throw new IllegalArgumentException(label + ": " + ex.getMessage());
		}
		SortedMap<String, Setting> settings = new TreeMap<>(this.settings);
		settings.put(parameter.canonicalName(), new Setting(parameter, normalized, givenAs));
		return new ImageUrl(this.base, this.preset, settings, this.sourceWidth, this.sourceHeight);
	}

	private boolean hasWatermarkSource() {
		return watermarkSource() != null;
	}

	private @Nullable String watermarkSource() {
		return this.settings.values()
			.stream()
			.filter((setting) -> WATERMARK_SOURCES.contains(setting.parameter()))
			.map((setting) -> setting.parameter().canonicalName())
			.findFirst()
			.orElse(null);
	}

	private String render() {
		return this.base.render(this.preset, parameters());
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ImageUrl that)) {
			return false;
		}
		return this.base.equals(that.base) && this.preset == that.preset && parameters().equals(that.parameters())
				&& this.sourceWidth == that.sourceWidth && this.sourceHeight == that.sourceHeight;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.base, this.preset, parameters(), this.sourceWidth, this.sourceHeight);
	}

	/**
	 * The URL, without the checks of {@link #toUriString()}, for logs and debuggers.
	 * @return the URL
	 */
	@Override
	public String toString() {
		return render();
	}

	private record Setting(TransformationParameter parameter, String value, String givenAs) {
	}

}
