package dev.imgwire.client.cdn;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sizes} attribute that goes with a width {@link Srcset}: which width the
 * image is displayed at, per media condition, so that the browser can pick a candidate
 * before layout.
 *
 * <pre class="code">
 * Sizes.when("(max-width: 640px)", "100vw").otherwise("640px").value();
 * // "(max-width: 640px) 100vw, 640px"
 * </pre>
 *
 * The parts are checked only for what would break the attribute's syntax: blank parts,
 * commas outside parentheses and unbalanced parentheses. The values are not HTML-escaped;
 * {@link ImgTag} does that.
 *
 * @author Imgwire
 */
public final class Sizes {

	private final String value;

	private Sizes(String value) {
		this.value = value;
	}

	/**
	 * One size for every viewport, e.g. {@code "100vw"} or {@code "min(100vw, 640px)"}.
	 * @param length a CSS length
	 * @return the sizes
	 */
	public static Sizes of(String length) {
		return new Sizes(check(length, "length"));
	}

	/**
	 * Start with the size for a media condition; finish with {@link Builder#otherwise}.
	 * @param mediaCondition e.g. {@code "(max-width: 640px)"}
	 * @param length e.g. {@code "100vw"}
	 * @return a builder
	 */
	public static Builder when(String mediaCondition, String length) {
		return new Builder().when(mediaCondition, length);
	}

	/**
	 * The attribute value.
	 * @return the value, not HTML-escaped
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static String check(String part, String what) {
		Arguments.notNull(part, what);
		String trimmed = part.trim();
		int depth = 0;
		boolean valid = !trimmed.isEmpty();
		for (char c : trimmed.toCharArray()) {
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			valid &= depth >= 0 && !(c == ',' && depth == 0);
		}
		if (!valid || depth != 0) {
			throw new IllegalArgumentException(what + ": " + Values.describe(part)
					+ " is not valid; must be non-blank, with balanced parentheses and no comma outside them");
		}
		return trimmed;
	}

	/**
	 * Collects media conditions and their sizes, in order: the browser takes the first
	 * that matches.
	 */
	public static final class Builder {

		private final List<String> entries = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add the size for a media condition.
		 * @param mediaCondition e.g. {@code "(min-width: 1024px)"}
		 * @param length e.g. {@code "50vw"}
		 * @return this builder
		 */
		public Builder when(String mediaCondition, String length) {
			this.entries.add(check(mediaCondition, "media condition") + " " + check(length, "length"));
			return this;
		}

		/**
		 * Finish with the size when no condition matches.
		 * @param length e.g. {@code "640px"}
		 * @return the sizes
		 */
		public Sizes otherwise(String length) {
			List<String> all = new ArrayList<>(this.entries);
			all.add(check(length, "length"));
			return new Sizes(String.join(", ", all));
		}

	}

}
