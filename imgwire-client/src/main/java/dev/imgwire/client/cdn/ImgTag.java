package dev.imgwire.client.cdn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Renders a complete, lazily loaded {@code <img>} element for an image URL or a
 * {@link Srcset}, with every attribute value HTML-escaped.
 *
 * <pre class="code">
 * ImageUrl url = ImageUrl.of(image).format(Format.AUTO).qualityAuto();
 * String html = ImgTag.of(Srcset.ofWidths(url, 320, 1280, 320), "A cat")
 * 	.sizes(Sizes.when("(max-width: 640px)", "100vw").otherwise("640px"))
 * 	.toHtml();
 * // &lt;img src="…" srcset="… 320w, …" sizes="…" width="1600" height="1200" alt="A cat"
 * //      loading="lazy" decoding="async"&gt;
 * </pre>
 *
 * The attributes come in a fixed order: {@code src, srcset, sizes, width, height, alt,
 * loading, decoding}, then any others. {@code width} and {@code height} are the source
 * image's size when the URL knows it, or {@link #dimensions(int, int)}: they give the
 * browser the aspect ratio, so set them when a transformation changes it. Immutable:
 * every method returns a new tag.
 *
 * @author Imgwire
 */
public final class ImgTag {

	private static final Set<String> OWN_ATTRIBUTES = Set.of("src", "srcset", "sizes", "width", "height", "alt",
			"loading", "decoding");

	private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z_:][-a-zA-Z0-9_:.]*");

	private final String src;

	private final @Nullable Srcset srcset;

	private final @Nullable Sizes sizes;

	private final String alt;

	private final int width;

	private final int height;

	private final boolean eager;

	private final Map<String, String> attributes;

	private ImgTag(String src, @Nullable Srcset srcset, @Nullable Sizes sizes, String alt, int width, int height,
			boolean eager, Map<String, String> attributes) {
		this.src = src;
		this.srcset = srcset;
		this.sizes = sizes;
		this.alt = alt;
		this.width = width;
		this.height = height;
		this.eager = eager;
		this.attributes = attributes;
	}

	/**
	 * An element showing one URL.
	 * @param url the image URL; its source size, when known, gives {@code width} and
	 * {@code height}
	 * @param alt the text alternative; empty for a purely decorative image
	 * @return the tag
	 */
	public static ImgTag of(ImageUrl url, String alt) {
		Arguments.notNull(url, "url");
		Arguments.notNull(alt, "alt");
		OptionalInt width = url.sourceWidth();
		OptionalInt height = url.sourceHeight();
		boolean known = width.isPresent() && height.isPresent();
		return new ImgTag(url.toUriString(), null, null, alt, known ? width.getAsInt() : 0,
				known ? height.getAsInt() : 0, false, Map.of());
	}

	/**
	 * An element with a srcset; {@code src} is its {@link Srcset#fallbackUrl()}. A width
	 * srcset also needs {@link #sizes(Sizes)}.
	 * @param srcset the srcset; the source size of its builder, when known, gives
	 * {@code width} and {@code height}
	 * @param alt the text alternative; empty for a purely decorative image
	 * @return the tag
	 */
	public static ImgTag of(Srcset srcset, String alt) {
		Arguments.notNull(srcset, "srcset");
		ImgTag tag = of(srcset.url(), alt);
		return new ImgTag(srcset.fallbackUrl(), srcset, null, alt, tag.width, tag.height, false, Map.of());
	}

	/**
	 * Say which width the image is displayed at; required with a width srcset and
	 * meaningless with a density srcset.
	 * @param sizes the sizes
	 * @return a new tag
	 * @throws IllegalArgumentException when the tag has no width srcset
	 */
	public ImgTag sizes(Sizes sizes) {
		Arguments.notNull(sizes, "sizes");
		if (this.srcset == null || !this.srcset.usesWidths()) {
			throw new IllegalArgumentException("sizes: only applies to a width srcset (640w), and this tag has "
					+ ((this.srcset == null) ? "none" : "a density srcset"));
		}
		return new ImgTag(this.src, this.srcset, sizes, this.alt, this.width, this.height, this.eager, this.attributes);
	}

	/**
	 * Set the {@code width} and {@code height} attributes, e.g. when a crop changes the
	 * aspect ratio.
	 * @param width the width in CSS pixels, at least 1
	 * @param height the height in CSS pixels, at least 1
	 * @return a new tag
	 */
	public ImgTag dimensions(int width, int height) {
		if (width < 1 || height < 1) {
			throw new IllegalArgumentException(
					"dimensions: " + width + "x" + height + " is out of range; width and height must be at least 1");
		}
		return new ImgTag(this.src, this.srcset, this.sizes, this.alt, width, height, this.eager, this.attributes);
	}

	/**
	 * Load at once ({@code loading="eager"}) rather than lazily: for the image that is
	 * visible first, where lazy loading delays the largest paint.
	 * @return a new tag
	 */
	public ImgTag eager() {
		return new ImgTag(this.src, this.srcset, this.sizes, this.alt, this.width, this.height, true, this.attributes);
	}

	/**
	 * Add another attribute, such as {@code class} or {@code id}.
	 * @param name the name; not one of the attributes this class writes, and not already
	 * added
	 * @param value the value, escaped when rendered
	 * @return a new tag
	 */
	public ImgTag attribute(String name, String value) {
		Arguments.notNull(name, "attribute name");
		Arguments.notNull(value, "attribute " + name);
		if (!ATTRIBUTE_NAME.matcher(name).matches() || OWN_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))
				|| this.attributes.containsKey(name)) {
			throw new IllegalArgumentException("attribute: " + Values.describe(name) + " is not allowed; must be a "
					+ "valid name, not already added, and none of "
					+ String.join(", ", OWN_ATTRIBUTES.stream().sorted().toList()));
		}
		Map<String, String> attributes = new LinkedHashMap<>(this.attributes);
		attributes.put(name, value);
		return new ImgTag(this.src, this.srcset, this.sizes, this.alt, this.width, this.height, this.eager, attributes);
	}

	/**
	 * The element.
	 * @return the HTML
	 * @throws IllegalStateException when a width srcset has no sizes
	 */
	public String toHtml() {
		if (this.srcset != null && this.srcset.usesWidths() && this.sizes == null) {
			throw new IllegalStateException("sizes: a width srcset needs sizes, e.g. sizes(Sizes.of(\"100vw\"))");
		}
		StringBuilder html = new StringBuilder("<img");
		append(html, "src", this.src);
		if (this.srcset != null) {
			append(html, "srcset", this.srcset.value());
		}
		if (this.sizes != null) {
			append(html, "sizes", this.sizes.value());
		}
		if (this.width > 0) {
			append(html, "width", String.valueOf(this.width));
			append(html, "height", String.valueOf(this.height));
		}
		append(html, "alt", this.alt);
		append(html, "loading", this.eager ? "eager" : "lazy");
		append(html, "decoding", "async");
		this.attributes.forEach((name, value) -> append(html, name, value));
		return html.append('>').toString();
	}

	@Override
	public String toString() {
		return toHtml();
	}

	private static void append(StringBuilder html, String name, String value) {
		html.append(' ').append(name).append("=\"").append(escape(value)).append('"');
	}

	/**
	 * Escape an attribute value: {@code &}, both quotes and the angle brackets, so that
	 * the value can neither end the attribute nor start markup.
	 */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
