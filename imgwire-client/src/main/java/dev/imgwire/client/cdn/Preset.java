package dev.imgwire.client.cdn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named size presets of the Imgwire CDN. A preset is a path suffix on the image, as
 * in {@code …/{image_id}@medium}, and combines with query parameters, e.g.
 * {@code …@medium?format=auto&quality=auto}.
 *
 * @author Imgwire
 */
public enum Preset implements WireValue {

	/**
	 * {@code @thumbnail}.
	 */
	THUMBNAIL("thumbnail"),

	/**
	 * {@code @small}.
	 */
	SMALL("small"),

	/**
	 * {@code @medium}.
	 */
	MEDIUM("medium"),

	/**
	 * {@code @large}.
	 */
	LARGE("large");

	private final String value;

	Preset(String value) {
		this.value = value;
	}

	/**
	 * The preset's name in the URL, e.g. {@code medium}.
	 * @return the URL form, without the {@code @}
	 */
	@Override
	public String value() {
		return this.value;
	}

	/**
	 * Find a preset by its URL name.
	 * @param name the name, e.g. {@code "medium"}; case and surrounding spaces are
	 * ignored
	 * @return the preset
	 * @throws IllegalArgumentException when no preset has that name
	 */
	public static Preset fromValue(String name) {
		Arguments.notNull(name, "preset");
		String token = name.trim().toLowerCase(Locale.ROOT);
		for (Preset preset : values()) {
			if (preset.value.equals(token)) {
				return preset;
			}
		}
		throw new IllegalArgumentException("preset: " + Values.describe(name) + " is not a preset; must be one of "
				+ Arrays.stream(values()).map(Preset::value).collect(Collectors.joining(", ")));
	}

}
