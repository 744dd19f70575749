package dev.imgwire.emulator.cdn;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The named size presets, a suffix of the image path such as {@code <image_id>@medium}.
 * The real sizes are not published; in the emulator a preset is shorthand for
 * {@code width=<max width>&resizing_type=inside}: scaled down to at most that width,
 * never enlarged. Query parameters override either part, e.g.
 * {@code @thumbnail?height=100} fits the image inside 150 x 100.
 *
 * @author imgwire
 */
enum Preset {

	/** {@code @thumbnail}: at most 150 pixels wide. */
	THUMBNAIL("thumbnail", 150),

	/** {@code @small}: at most 320 pixels wide. */
	SMALL("small", 320),

	/** {@code @medium}: at most 640 pixels wide. */
	MEDIUM("medium", 640),

	/** {@code @large}: at most 1280 pixels wide. */
	LARGE("large", 1280);

	private final String value;

	private final int maxWidth;

	Preset(String value, int maxWidth) {
		this.value = value;
		this.maxWidth = maxWidth;
	}

	/**
	 * The name after the {@code @}.
	 * @return the name, e.g. {@code medium}
	 */
	String value() {
		return this.value;
	}

	/**
	 * The width the preset scales down to.
	 * @return the maximum width in pixels
	 */
	int maxWidth() {
		return this.maxWidth;
	}

	/**
	 * Find a preset by its exact name.
	 * @param name the name after the {@code @}
	 * @return the preset, or empty when unknown
	 */
	static Optional<Preset> named(String name) {
		return Arrays.stream(values()).filter((preset) -> preset.value.equals(name)).findFirst();
	}

	static String names() {
		return Arrays.stream(values()).map(Preset::value).collect(Collectors.joining(", "));
	}

}
