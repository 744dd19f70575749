package dev.imgwire.emulator.cdn;

import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

/**
 * What the emulator does for one CDN request and one original: whether it transforms at
 * all, into which box, format and quality, and which of the request's parameters it
 * ignores.
 *
 * @author imgwire
 */
public final class TransformationPlan {

	private final boolean transforms;

	private final boolean resizes;

	private final @Nullable Integer width;

	private final @Nullable Integer height;

	private final double dpr;

	private final ResizingType resizingType;

	private final @Nullable OutputFormat output;

	private final @Nullable Integer quality;

	private final SortedSet<String> ignored;

	private final String variantKey;

	TransformationPlan(boolean transforms, boolean resizes, @Nullable Integer width, @Nullable Integer height,
			double dpr, ResizingType resizingType, @Nullable OutputFormat output, @Nullable Integer quality,
			SortedSet<String> ignored, String variantKey) {
		this.transforms = transforms;
		this.resizes = resizes;
		this.width = width;
		this.height = height;
		this.dpr = dpr;
		this.resizingType = resizingType;
		this.output = output;
		this.quality = quality;
		this.ignored = ignored;
		this.variantKey = variantKey;
	}

	/**
	 * Whether anything the emulator applies changes the image: a preset, a size, another
	 * output format or a JPEG quality. Otherwise the original bytes are served.
	 * @return whether the image is transformed
	 */
	public boolean transforms() {
		return this.transforms;
	}

	/**
	 * Names of the parameters that were accepted but have no effect, sorted: the
	 * parameters the emulator does not implement, {@code format} when it asks for a
	 * format ImageIO cannot write, {@code quality} when it is {@code auto} or the output
	 * is no JPEG, {@code dpr} and {@code resizing_type} without a size, and query
	 * parameters that are no transformation parameter (URL-encoded).
	 * @return the ignored names
	 */
	public SortedSet<String> ignored() {
		return this.ignored;
	}

	boolean resizes() {
		return this.resizes;
	}

	@Nullable Integer width() {
		return this.width;
	}

	@Nullable Integer height() {
		return this.height;
	}

	double dpr() {
		return this.dpr;
	}

	ResizingType resizingType() {
		return this.resizingType;
	}

	/**
	 * The format to write, or {@code null} when the original cannot be decoded.
	 */
	@Nullable OutputFormat output() {
		return this.output;
	}

	@Nullable Integer quality() {
		return this.quality;
	}

	/**
	 * Identifies the result among the variants of one image: equal keys, equal bytes.
	 */
	String variantKey() {
		return this.variantKey;
	}

	@Override
	public String toString() {
		return "TransformationPlan[" + this.variantKey + ", ignored=" + this.ignored + "]";
	}

}
