package dev.imgwire.spring.boot.autoconfigure.cdn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's named image slots ({@code imgwire.variants.<name>.*}), for example:
 *
 * <pre class="code">
 * imgwire.variants.card.preset=medium
 * imgwire.variants.card.parameters.format=auto
 * imgwire.variants.card.widths=320,640,960
 * </pre>
 *
 * @author Imgwire
 * @since 0.1.0
 */
@ConfigurationProperties("imgwire")
public class ImgwireVariantsProperties {

	/**
	 * Named image variants, such as card, avatar or hero: a preset, transformation
	 * parameters and srcset widths each.
	 */
	private final Map<String, Variant> variants = new LinkedHashMap<>();

	public Map<String, Variant> getVariants() {
		return this.variants;
	}

	/**
	 * One image variant.
	 */
	public static class Variant {

		/**
		 * Preset: thumbnail, small, medium or large.
		 */
		private @Nullable String preset;

		/**
		 * Transformation parameters by name or alias, such as width=400, format=auto or
		 * quality=80.
		 */
		private final Map<String, String> parameters = new LinkedHashMap<>();

		/**
		 * Widths of the variant's srcset, ascending. Empty for a 1x, 2x, 3x srcset.
		 */
		private final List<Integer> widths = new ArrayList<>();

		public @Nullable String getPreset() {
			return this.preset;
		}

		public void setPreset(@Nullable String preset) {
			this.preset = preset;
		}

		public Map<String, String> getParameters() {
			return this.parameters;
		}

		public List<Integer> getWidths() {
			return this.widths;
		}

	}

}
