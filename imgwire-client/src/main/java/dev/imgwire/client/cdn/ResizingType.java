package dev.imgwire.client.cdn;

import java.util.List;

/**
 * How the image is fitted into {@code width} and {@code height}: the
 * {@code resizing_type} parameter.
 * <p>
 * The legacy values are accepted as strings and sent as their current equivalent:
 * {@code fit}, {@code fill-down} and {@code auto} become {@code inside}, and
 * {@code force} becomes {@code fill}.
 *
 * @author Imgwire
 */
public enum ResizingType implements WireValue {

	/**
	 * {@code cover}: fill the box, cropping what overflows.
	 */
	COVER("cover"),

	/**
	 * {@code contain}: fit inside the box, padding the rest.
	 */
	CONTAIN("contain"),

	/**
	 * {@code fill}: stretch to the box, ignoring the aspect ratio.
	 */
	FILL("fill"),

	/**
	 * {@code inside}: fit inside the box, keeping the aspect ratio.
	 */
	INSIDE("inside"),

	/**
	 * {@code outside}: cover the box, keeping the aspect ratio, without cropping.
	 */
	OUTSIDE("outside");

	private static final List<String> ACCEPTED = List.of("cover", "contain", "fill", "inside", "outside", "fit",
			"fill-down", "auto", "force");

	private final String value;

	ResizingType(String value) {
		this.value = value;
	}

	/**
	 * The resizing type as it appears in the URL.
	 * @return the URL form, e.g. {@code cover}
	 */
	@Override
	public String value() {
		return this.value;
	}

	static String normalize(Object value) {
		String type = Values.oneOf(value, ACCEPTED);
		return switch (type) {
			case "fit", "fill-down", "auto" -> INSIDE.value;
			case "force" -> FILL.value;
			default -> type;
		};
	}

}
