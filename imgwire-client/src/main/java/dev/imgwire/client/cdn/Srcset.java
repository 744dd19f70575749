package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The {@code srcset} of an image: one URL per width ({@code url 320w, url 640w}) or per
 * pixel density ({@code url 1x, url 2x}), each built from the same {@link ImageUrl}.
 *
 * <pre class="code">
 * Srcset srcset = Srcset.ofWidths(ImageUrl.of(image).format(Format.AUTO), List.of(320, 640, 1280));
 * srcset.value(); // "https://…?format=auto&amp;width=320 320w, …"
 * </pre>
 * <p>
 * <b>Widths</b> are set with {@code width}; widths beyond the source image's width (when
 * the builder knows it, see {@link ImageUrl#sourceWidth()}) are left out, and the source
 * width itself is offered instead as the largest candidate, so that no candidate asks the
 * CDN to enlarge the image. <b>Densities</b> are set with {@code dpr}; 1x is the
 * builder's URL as is, since a ratio of 1 changes nothing. When the builder sets a
 * {@code width} and knows the source width, densities that would need more pixels than
 * the source has are left out (1x never is).
 *
 * @author Imgwire
 */
public final class Srcset {

	/**
	 * The most candidates a srcset may have: more only makes the HTML heavier.
	 */
	public static final int MAX_CANDIDATES = 64;

	private static final List<Integer> DEFAULT_DENSITIES = List.of(1, 2, 3);

	private final List<Candidate> candidates;

	private final boolean widths;

	private final ImageUrl url;

	private Srcset(List<Candidate> candidates, boolean widths, ImageUrl url) {
		this.candidates = List.copyOf(candidates);
		this.widths = widths;
		this.url = url;
	}

	/**
	 * A width srcset for the given widths.
	 * @param url the builder the candidates are derived from; it must not set
	 * {@code width}
	 * @param widths strictly ascending widths from 1 to 8192, at most
	 * {@link #MAX_CANDIDATES}
	 * @return the srcset
	 * @throws IllegalArgumentException for invalid widths, or a builder that sets
	 * {@code width}
	 */
	public static Srcset ofWidths(ImageUrl url, List<Integer> widths) {
		Arguments.notNull(url, "url");
		Arguments.notNull(widths, "widths");
		checkCount(widths.size(), "widths");
		int previous = 0;
		for (Integer width : widths) {
			Arguments.notNull(width, "widths: an element");
			if (width < 1 || width > 8192) {
				throw new IllegalArgumentException("widths: " + width + " is out of range; must be from 1 to 8192");
			}
			if (width <= previous) {
				throw new IllegalArgumentException("widths: " + width + " follows " + previous
						+ "; widths must be strictly ascending, without duplicates");
			}
			previous = width;
		}
		if (url.has(TransformationParameter.WIDTH)) {
			throw new IllegalArgumentException("srcset: the builder already sets width=" + url.parameters().get("width")
					+ "; a width srcset sets the width of each candidate");
		}
		List<Integer> kept = new ArrayList<>();
		OptionalInt source = url.sourceWidth();
		for (int width : widths) {
			if (source.isEmpty() || width <= source.getAsInt()) {
				kept.add(width);
			}
		}
		if (source.isPresent() && kept.size() < widths.size() && !kept.contains(source.getAsInt())) {
			kept.add(source.getAsInt());
		}
		List<Candidate> candidates = new ArrayList<>();
		for (int width : kept) {
			candidates.add(new Candidate(url.width(width).toUriString(), width + "w"));
		}
		return new Srcset(candidates, true, url);
	}

	/**
	 * A width srcset from {@code min} to {@code max} in steps of {@code step};
	 * {@code max} is always included, even when the steps do not land on it.
	 * @param url the builder the candidates are derived from; it must not set
	 * {@code width}
	 * @param min the smallest width, at least 1
	 * @param max the largest width, at most 8192
	 * @param step the step, at least 1
	 * @return the srcset
	 * @throws IllegalArgumentException for an invalid range, or more than
	 * {@link #MAX_CANDIDATES} widths
	 */
	public static Srcset ofWidths(ImageUrl url, int min, int max, int step) {
		if (min < 1 || max > 8192 || min > max || step < 1) {
			throw new IllegalArgumentException("widths: min " + min + ", max " + max + ", step " + step
					+ " is not a range; must have 1 <= min <= max <= 8192 and step >= 1");
		}
		long count = (max - min) / step + (((max - min) % step == 0) ? 1 : 2);
		if (count > MAX_CANDIDATES) {
			throw new IllegalArgumentException("widths: min " + min + ", max " + max + ", step " + step + " gives "
					+ count + " widths; must give at most " + MAX_CANDIDATES + ", so use a larger step");
		}
		List<Integer> widths = new ArrayList<>();
		for (int width = min; width < max; width += step) {
			widths.add(width);
		}
		widths.add(max);
		return ofWidths(url, widths);
	}

	/**
	 * A density srcset for 1x, 2x and 3x.
	 * @param url the builder the candidates are derived from; it must not set {@code dpr}
	 * @return the srcset
	 */
	public static Srcset ofDensities(ImageUrl url) {
		return ofDensities(url, DEFAULT_DENSITIES);
	}

	/**
	 * A density srcset for the given pixel densities.
	 * @param url the builder the candidates are derived from; it must not set {@code dpr}
	 * @param densities strictly ascending densities from 0.01 to 8 (the range of
	 * {@code dpr}), at most {@link #MAX_CANDIDATES}
	 * @return the srcset
	 * @throws IllegalArgumentException for invalid densities, or a builder that sets
	 * {@code dpr}
	 */
	public static Srcset ofDensities(ImageUrl url, List<? extends Number> densities) {
		Arguments.notNull(url, "url");
		Arguments.notNull(densities, "densities");
		checkCount(densities.size(), "densities");
		if (url.has(TransformationParameter.DPR)) {
			throw new IllegalArgumentException("srcset: the builder already sets dpr=" + url.parameters().get("dpr")
					+ "; a density srcset sets the dpr of each candidate");
		}
		String width = url.parameters().get("width");
		OptionalInt source = url.sourceWidth();
		BigDecimal previous = BigDecimal.ZERO;
		List<Candidate> candidates = new ArrayList<>();
		for (Number density : densities) {
			Arguments.notNull(density, "densities: an element");
			BigDecimal ratio;
			try {
				ratio = Values.numberIn(density, new BigDecimal("0.01"), BigDecimal.valueOf(8));
			}
			catch (InvalidValueException ex) {
				throw new IllegalArgumentException("densities: " + ex.getMessage());
			}
			if (ratio.compareTo(previous) <= 0) {
				throw new IllegalArgumentException("densities: " + Values.format(ratio) + " follows "
						+ Values.format(previous) + "; densities must be strictly ascending, without duplicates");
			}
			previous = ratio;
			boolean one = ratio.compareTo(BigDecimal.ONE) == 0;
			if (!one && width != null && source.isPresent()
					&& new BigDecimal(width).multiply(ratio).compareTo(BigDecimal.valueOf(source.getAsInt())) > 0) {
				continue;
			}
			String candidateUrl = (one ? url : url.param(TransformationParameter.DPR, ratio)).toUriString();
			candidates.add(new Candidate(candidateUrl, Values.format(ratio) + "x"));
		}
		if (candidates.isEmpty()) {
			throw new IllegalArgumentException("densities: " + densities + " all need more pixels than the source's "
					+ source.getAsInt() + " at width=" + width + "; include 1");
		}
		return new Srcset(candidates, false, url);
	}

	private static void checkCount(int count, String what) {
		if (count == 0 || count > MAX_CANDIDATES) {
			throw new IllegalArgumentException(what + ": " + count + " given; must be from 1 to " + MAX_CANDIDATES);
		}
	}

	/**
	 * The builder the candidates were derived from.
	 * @return the builder
	 */
	ImageUrl url() {
		return this.url;
	}

	/**
	 * The candidates, smallest first.
	 * @return the candidates
	 */
	public List<Candidate> candidates() {
		return this.candidates;
	}

	/**
	 * Whether the candidates are described by width ({@code 640w}) rather than by density
	 * ({@code 2x}). A width srcset needs a {@code sizes} attribute.
	 * @return {@code true} for a width srcset
	 */
	public boolean usesWidths() {
		return this.widths;
	}

	/**
	 * The URL for {@code src}, used by browsers that ignore {@code srcset}: the largest
	 * width, or the smallest density.
	 * @return the URL
	 */
	public String fallbackUrl() {
		return this.widths ? this.candidates.get(this.candidates.size() - 1).url() : this.candidates.get(0).url();
	}

	/**
	 * The attribute value, e.g.
	 * {@code https://…&width=320 320w, https://…&width=640 640w}.
	 * @return the value, not HTML-escaped
	 */
	public String value() {
		return this.candidates.stream().map(Candidate::toString).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return value();
	}

	/**
	 * One image candidate of a srcset.
	 *
	 * @param url the URL
	 * @param descriptor its width ({@code 640w}) or density ({@code 2x}) descriptor
	 */
	public record Candidate(String url, String descriptor) {

		@Override
		public String toString() {
			return this.url + " " + this.descriptor;
		}

	}

}
