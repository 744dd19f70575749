package dev.imgwire.client.cdn;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One named image slot of an application, such as {@code card} or {@code avatar}: a
 * preset and transformation parameters, and the widths of its {@code srcset}.
 *
 * @param preset the preset name, or {@code null}
 * @param parameters transformation parameters by canonical name or alias, as strings
 * @param widths the {@code srcset} widths, ascending; empty for a density {@code srcset}
 * @author Imgwire
 */
public record ImageVariant(@Nullable String preset, Map<String, String> parameters, List<Integer> widths) {

	public ImageVariant {
		parameters = Map.copyOf(parameters);
		widths = List.copyOf(widths);
	}

	/**
	 * Apply the variant to an image's URL.
	 * @param url the image's URL, with no preset or parameter yet
	 * @return the variant's URL
	 * @throws IllegalArgumentException naming the parameter, the value and the rule when
	 * the variant is invalid
	 */
	public ImageUrl applyTo(ImageUrl url) {
		ImageUrl result = (this.preset != null) ? url.preset(this.preset) : url;
		for (Map.Entry<String, String> parameter : this.parameters.entrySet()) {
			result = result.param(parameter.getKey(), parameter.getValue());
		}
		return result;
	}

	/**
	 * The {@code srcset} of the variant for an image's URL: one candidate per width, or
	 * 1x, 2x and 3x when the variant has no widths.
	 * @param url the image's URL, with no preset or parameter yet
	 * @return the srcset
	 */
	public Srcset srcset(ImageUrl url) {
		ImageUrl applied = applyTo(url);
		return this.widths.isEmpty() ? Srcset.ofDensities(applied) : Srcset.ofWidths(applied, this.widths);
	}

}
