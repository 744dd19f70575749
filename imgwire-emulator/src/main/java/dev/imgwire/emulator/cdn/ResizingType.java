package dev.imgwire.emulator.cdn;

import java.util.Optional;

/**
 * How an image is fitted into the box that {@code width} and {@code height} describe: the
 * {@code resizing_type} parameter. With one side given, the other follows the image's
 * aspect ratio and every type scales proportionally; only {@link #INSIDE} then differs,
 * by never enlarging.
 *
 * @author imgwire
 */
enum ResizingType {

	/**
	 * {@code cover}, the default: scale to cover the whole box, keeping the aspect ratio,
	 * and crop what overflows around the centre. The result is exactly the box.
	 */
	COVER("cover"),

	/**
	 * {@code contain}: scale to fit inside the box, keeping the aspect ratio, and pad the
	 * rest evenly, transparent where the output format has alpha and white otherwise. The
	 * result is exactly the box.
	 */
	CONTAIN("contain"),

	/**
	 * {@code fill}: stretch to the box, ignoring the aspect ratio.
	 */
	FILL("fill"),

	/**
	 * {@code inside}: scale to fit inside the box, keeping the aspect ratio, never
	 * enlarging and never padding. The result can be smaller than the box on one side.
	 */
	INSIDE("inside"),

	/**
	 * {@code outside}: scale to cover the box, keeping the aspect ratio, without
	 * cropping. The result can be larger than the box on one side.
	 */
	OUTSIDE("outside");

	private final String value;

	ResizingType(String value) {
		this.value = value;
	}

	/**
	 * The canonical name, as in {@code resizing_type=cover}.
	 * @return the name
	 */
	String value() {
		return this.value;
	}

	/**
	 * Find a resizing type by its name or one of the legacy names: {@code fit},
	 * {@code fill-down} and {@code auto} mean {@link #INSIDE}, {@code force} means
	 * {@link #FILL}.
	 * @param name the lower-case name
	 * @return the type, or empty when the name is unknown
	 */
	static Optional<ResizingType> named(String name) {
		return switch (name) {
			case "cover" -> Optional.of(COVER);
			case "contain" -> Optional.of(CONTAIN);
			case "fill", "force" -> Optional.of(FILL);
			case "inside", "fit", "fill-down", "auto" -> Optional.of(INSIDE);
			case "outside" -> Optional.of(OUTSIDE);
			default -> Optional.empty();
		};
	}

}
