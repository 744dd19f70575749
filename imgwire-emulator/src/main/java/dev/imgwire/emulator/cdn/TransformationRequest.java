package dev.imgwire.emulator.cdn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * What a CDN URL asks for: an optional preset and checked transformation parameters, by
 * canonical name. Parsing rejects what the CDN rejects with an
 * {@link InvalidTransformationException}: an unknown preset, a parameter given twice
 * (under one name or two aliases), and a value that breaks its parameter's rule. Query
 * parameters that are no transformation parameter at all, such as a cache buster
 * {@code v=3}, are ignored.
 *
 * @author imgwire
 */
public final class TransformationRequest {

	private static final int DESCRIBE_LIMIT = 80;

	private final @Nullable Preset preset;

	private final Map<CdnParameter, String> values;

	private final SortedSet<String> unknownNames;

	private TransformationRequest(@Nullable Preset preset, Map<CdnParameter, String> values,
			SortedSet<String> unknownNames) {
		this.preset = preset;
		this.values = values;
		this.unknownNames = unknownNames;
	}

	/**
	 * Parse and check a CDN request.
	 * @param presetName the text after {@code @} in the last path segment, or
	 * {@code null} when it has no {@code @}
	 * @param query the decoded query parameters, each with its values in order
	 * @return the request
	 * @throws InvalidTransformationException when the CDN would reject the request
	 */
	public static TransformationRequest parse(@Nullable String presetName, Map<String, List<String>> query) {
		Preset preset = null;
		if (presetName != null) {
			preset = Preset.named(presetName)
				.orElseThrow(() -> invalid(
						"Unknown preset " + quote("@" + presetName) + "; must be one of " + Preset.names()));
		}
		Map<CdnParameter, String> givenAs = new EnumMap<>(CdnParameter.class);
		Map<CdnParameter, String> rawValues = new EnumMap<>(CdnParameter.class);
		SortedSet<String> unknown = new TreeSet<>();
		// Names first, so that a duplicate is reported as such whatever the values.
		for (Map.Entry<String, List<String>> entry : query.entrySet()) {
			String name = entry.getKey();
			CdnParameter parameter = CdnParameter.named(name).orElse(null);
			if (parameter == null) {
				unknown.add(URLEncoder.encode(name, StandardCharsets.UTF_8));
				continue;
			}
			String canonical = parameter.canonicalName();
			if (entry.getValue().size() > 1) {
				throw invalid("Duplicate transformation rule: " + canonical + " (" + name + " is given "
						+ entry.getValue().size() + " times)");
			}
			String previous = givenAs.put(parameter, name);
			if (previous != null) {
				throw invalid("Duplicate transformation rule: " + canonical + " (given as " + previous + " and " + name
						+ ")");
			}
			rawValues.put(parameter, entry.getValue().get(0));
		}
		Map<CdnParameter, String> values = new EnumMap<>(CdnParameter.class);
		rawValues.forEach((parameter, raw) -> {
			try {
				values.put(parameter, parameter.rule().normalize(raw));
			}
			catch (ValueRule.InvalidValueException ex) {
				String name = Objects.requireNonNull(givenAs.get(parameter));
				String canonical = parameter.canonicalName();
				String label = name.equals(canonical) ? name : name + " (" + canonical + ")";
				throw invalid("Invalid transformation: " + label + "=" + quote(raw) + " " + ex.getMessage()
						+ "; must be " + parameter.rule().description());
			}
		});
		return new TransformationRequest(preset, values, unknown);
	}

	/**
	 * Whether the request names a preset or a transformation parameter, which is what the
	 * metrics count as a transformation.
	 * @return whether a transformation was asked for
	 */
	public boolean asksForTransformation() {
		return this.preset != null || !this.values.isEmpty();
	}

	/**
	 * Decide what to do for an original in a given format.
	 * @param original the format of the stored image
	 * @return the plan
	 */
	public TransformationPlan plan(ImageFormat original) {
		SortedSet<String> ignored = new TreeSet<>(this.unknownNames);
		this.values.keySet()
			.stream()
			.filter((parameter) -> !parameter.applied())
			.forEach((parameter) -> ignored.add(parameter.canonicalName()));
		Integer width = integer(CdnParameter.WIDTH);
		Integer height = integer(CdnParameter.HEIGHT);
		boolean resizes = this.preset != null || width != null || height != null;
		if (width == null && height == null && this.preset != null) {
			width = this.preset.maxWidth();
		}
		String type = this.values.get(CdnParameter.RESIZING_TYPE);
		ResizingType resizingType = (type != null) ? ResizingType.named(type).orElseThrow()
				: (this.preset != null) ? ResizingType.INSIDE : ResizingType.COVER;
		String dpr = this.values.get(CdnParameter.DPR);
		if (!resizes) {
			ignoreIfGiven(CdnParameter.DPR, ignored);
			ignoreIfGiven(CdnParameter.RESIZING_TYPE, ignored);
			dpr = null;
		}
		OutputFormat originalFormat = OutputFormat.ofOriginal(original).orElse(null);
		String format = this.values.get(CdnParameter.FORMAT);
		OutputFormat requested = (format != null) ? OutputFormat.ofParameter(format).orElse(null) : null;
		if (format != null && requested == null) {
			ignored.add(CdnParameter.FORMAT.canonicalName());
		}
		OutputFormat output = (requested != null) ? requested : originalFormat;
		Integer quality = null;
		String q = this.values.get(CdnParameter.QUALITY);
		if (q != null) {
			if ("auto".equals(q) || output != OutputFormat.JPEG) {
				ignored.add(CdnParameter.QUALITY.canonicalName());
			}
			else {
				quality = Integer.valueOf(q);
			}
		}
		boolean transforms = resizes || (requested != null && requested != originalFormat) || quality != null;
		StringBuilder key = new StringBuilder();
		if (this.preset != null) {
			key.append('@').append(this.preset.value());
		}
		key.append("?dpr=").append((dpr != null) ? dpr : "1");
		key.append("&format=").append((output != null) ? output.imageIoName() : "original");
		key.append("&height=").append((height != null) ? height : "");
		key.append("&quality=").append((quality != null) ? quality : "");
		key.append("&resizing_type=").append(resizingType.value());
		key.append("&width=").append((width != null) ? width : "");
		return new TransformationPlan(transforms, resizes, width, height, (dpr != null) ? Double.parseDouble(dpr) : 1.0,
				resizingType, output, quality, Collections.unmodifiableSortedSet(ignored), key.toString());
	}

	private @Nullable Integer integer(CdnParameter parameter) {
		String value = this.values.get(parameter);
		return (value != null) ? Integer.valueOf(value) : null;
	}

	private void ignoreIfGiven(CdnParameter parameter, SortedSet<String> ignored) {
		if (this.values.containsKey(parameter)) {
			ignored.add(parameter.canonicalName());
		}
	}

	private static String quote(String value) {
		String shown = (value.length() > DESCRIBE_LIMIT) ? value.substring(0, DESCRIBE_LIMIT) + "..." : value;
		return "\"" + shown + "\"";
	}

	private static InvalidTransformationException invalid(String detail) {
		return new InvalidTransformationException(detail);
	}

	@Override
	public String toString() {
		return "TransformationRequest[preset=" + this.preset + ", values=" + this.values + "]";
	}

}
