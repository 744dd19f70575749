package dev.imgwire.client.cdn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.imgwire.client.model.Image;

/**
 * The application's named image slots, defined once (in Spring Boot, as
 * {@code imgwire.variants.<name>.*}) and used wherever an image is shown:
 *
 * <pre class="code">
 * String src = variants.url("card", image).toUriString();
 * String srcset = variants.srcset("card", image).value();
 * </pre>
 *
 * Every variant is checked when the variants are created, with the rules of
 * {@link ImageUrl}, so a bad value fails at startup rather than on a page.
 *
 * @author Imgwire
 */
public final class ImgwireVariants {

	private final Map<String, ImageVariant> variants;

	/**
	 * Create the variants.
	 * @param variants the variants by name
	 * @throws IllegalArgumentException naming the variant and the parameter when one is
	 * invalid
	 */
	public ImgwireVariants(Map<String, ImageVariant> variants) {
		Arguments.notNull(variants, "variants");
		Map<String, ImageVariant> checked = new LinkedHashMap<>();
		variants.forEach((name, variant) -> {
			try {
				variant.srcset(Probe.URL).value();
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("variant '" + name + "': " + ex.getMessage(), ex);
			}
			checked.put(name, variant);
		});
		this.variants = Collections.unmodifiableMap(checked);
	}

	/**
	 * The URL builder of a variant for an image; further parameters may be added.
	 * @param name the variant's name
	 * @param image the image
	 * @return the builder
	 * @throws IllegalArgumentException for an unknown name
	 */
	public ImageUrl url(String name, Image image) {
		return variant(name).applyTo(ImageUrl.of(image));
	}

	/**
	 * The {@code srcset} of a variant for an image.
	 * @param name the variant's name
	 * @param image the image
	 * @return the srcset
	 * @throws IllegalArgumentException for an unknown name
	 */
	public Srcset srcset(String name, Image image) {
		return variant(name).srcset(ImageUrl.of(image));
	}

	/**
	 * The names of the variants.
	 * @return the names
	 */
	public Set<String> names() {
		return this.variants.keySet();
	}

	/**
	 * A variant by name.
	 * @param name the name
	 * @return the variant
	 * @throws IllegalArgumentException for an unknown name
	 */
	public ImageVariant variant(String name) {
		ImageVariant variant = this.variants.get(name);
		if (variant == null) {
			throw new IllegalArgumentException("variant '" + name + "' is not defined; defined: " + names());
		}
		return variant;
	}

	@Override
	public String toString() {
		return "ImgwireVariants" + this.variants;
	}

	/**
	 * The URL every variant is tried on when created; it needs no network. A holder, so
	 * that an application without variants does not load the URL builder at startup.
	 */
	private static final class Probe {

		static final ImageUrl URL = ImageUrl.of("https://cdn.imgwire.dev/probe/probe/probe");

	}

}
