package dev.imgwire.emulator.cdn;

import java.util.Objects;

/**
 * Where the pixels go: the output size, the region of the original that is used, and
 * where in the output it is drawn (smaller than the output only when padding).
 *
 * @param width the output width
 * @param height the output height
 * @param source the region of the original
 * @param target the region of the output it is scaled into
 * @author imgwire
 */
record Geometry(int width, int height, Region source, Region target) {

	boolean padded() {
		return this.target.width() < this.width || this.target.height() < this.height;
	}

	/**
	 * Lay out a plan for an original of a given size.
	 * @param plan the plan
	 * @param originalWidth the original's width
	 * @param originalHeight the original's height
	 * @param maxPixels the largest output allowed
	 * @return the geometry
	 * @throws InvalidTransformationException when the output would have more than
	 * {@code maxPixels}
	 */
	static Geometry of(TransformationPlan plan, int originalWidth, int originalHeight, long maxPixels) {
		Region whole = new Region(0, 0, originalWidth, originalHeight);
		if (!plan.resizes()) {
			return new Geometry(originalWidth, originalHeight, whole, whole);
		}
		Long boxWidth = (plan.width() != null) ? scaled(plan.width(), plan.dpr()) : null;
		Long boxHeight = (plan.height() != null) ? scaled(plan.height(), plan.dpr()) : null;
		if (boxWidth == null || boxHeight == null) {
			double scale = (boxWidth != null) ? (double) boxWidth / originalWidth
					: (double) Objects.requireNonNull(boxHeight) / originalHeight;
			if (plan.resizingType() == ResizingType.INSIDE && scale >= 1) {
				return new Geometry(originalWidth, originalHeight, whole, whole);
			}
			long width = (boxWidth != null) ? boxWidth : side(originalWidth, scale);
			long height = (boxHeight != null) ? boxHeight : side(originalHeight, scale);
			return whole(width, height, whole, maxPixels);
		}
		double widthScale = (double) boxWidth / originalWidth;
		double heightScale = (double) boxHeight / originalHeight;
		return switch (plan.resizingType()) {
			case FILL -> whole(boxWidth, boxHeight, whole, maxPixels);
			case COVER -> {
				check(boxWidth, boxHeight, maxPixels);
				double scale = Math.max(widthScale, heightScale);
				int regionWidth = (int) Math.min(originalWidth, side(boxWidth, 1 / scale));
				int regionHeight = (int) Math.min(originalHeight, side(boxHeight, 1 / scale));
				Region region = new Region((originalWidth - regionWidth) / 2, (originalHeight - regionHeight) / 2,
						regionWidth, regionHeight);
				yield new Geometry(boxWidth.intValue(), boxHeight.intValue(), region,
						new Region(0, 0, boxWidth.intValue(), boxHeight.intValue()));
			}
			case CONTAIN -> {
				check(boxWidth, boxHeight, maxPixels);
				double scale = Math.min(widthScale, heightScale);
				int innerWidth = (int) Math.min(boxWidth, side(originalWidth, scale));
				int innerHeight = (int) Math.min(boxHeight, side(originalHeight, scale));
				yield new Geometry(boxWidth.intValue(), boxHeight.intValue(), whole,
						new Region((int) (boxWidth - innerWidth) / 2, (int) (boxHeight - innerHeight) / 2, innerWidth,
								innerHeight));
			}
			case INSIDE -> {
				double scale = Math.min(1, Math.min(widthScale, heightScale));
				yield whole(side(originalWidth, scale), side(originalHeight, scale), whole, maxPixels);
			}
			case OUTSIDE -> {
				double scale = Math.max(widthScale, heightScale);
				yield whole(side(originalWidth, scale), side(originalHeight, scale), whole, maxPixels);
			}
		};
	}

	/**
	 * Refuse to decode an original larger than the limit.
	 * @param width the original's width
	 * @param height the original's height
	 * @param maxPixels the limit
	 * @throws InvalidTransformationException when the original has more than
	 * {@code maxPixels}
	 */
	static void checkOriginal(int width, int height, long maxPixels) {
		if ((long) width * height > maxPixels) {
			throw new InvalidTransformationException("Image too large to transform: the original is " + width + "x"
					+ height + " pixels, more than the emulator's limit of " + maxPixels);
		}
	}

	private static Geometry whole(long width, long height, Region whole, long maxPixels) {
		check(width, height, maxPixels);
		Region target = new Region(0, 0, (int) width, (int) height);
		return new Geometry((int) width, (int) height, whole, target);
	}

	private static void check(long width, long height, long maxPixels) {
		// Each side is checked first, so that the product cannot overflow.
		if (width > maxPixels || height > maxPixels || width * height > maxPixels) {
			throw new InvalidTransformationException("Transformation too large: " + width + "x" + height
					+ " pixels is more than the emulator's limit of " + maxPixels);
		}
	}

	private static long scaled(int side, double dpr) {
		return Math.max(1, Math.round(side * dpr));
	}

	private static long side(long length, double scale) {
		return Math.max(1, Math.round(length * scale));
	}

	/**
	 * A rectangle in pixels.
	 *
	 * @param x the left edge
	 * @param y the top edge
	 * @param width the width
	 * @param height the height
	 */
	record Region(int x, int y, int width, int height) {
	}

}
