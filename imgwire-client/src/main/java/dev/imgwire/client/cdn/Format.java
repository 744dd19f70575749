package dev.imgwire.client.cdn;

import java.util.List;

/**
 * Output formats for the {@code format} parameter.
 * <p>
 * JPEG is written {@code jpg}: the official SDKs disagree (Python and Node send
 * {@code jpg}, the JavaScript SDK sends {@code jpeg}) and the CDN accepts both, so this
 * builder always sends {@code jpg}, and reads {@code "jpeg"} as {@code jpg}.
 *
 * @author Imgwire
 */
public enum Format implements WireValue {

	/**
	 * {@code auto}: the CDN negotiates the format from the {@code Accept} header. Leaving
	 * the format out does the same.
	 */
	AUTO("auto"),

	/**
	 * {@code jpg} (JPEG).
	 */
	JPG("jpg"),

	/**
	 * {@code png}.
	 */
	PNG("png"),

	/**
	 * {@code webp}.
	 */
	WEBP("webp"),

	/**
	 * {@code avif}.
	 */
	AVIF("avif"),

	/**
	 * {@code gif}.
	 */
	GIF("gif"),

	/**
	 * {@code tiff}.
	 */
	TIFF("tiff");

	private static final List<String> ACCEPTED = List.of("auto", "jpg", "jpeg", "png", "webp", "avif", "gif", "tiff");

	private final String value;

	Format(String value) {
		this.value = value;
	}

	/**
	 * The format as it appears in the URL.
	 * @return the URL form, e.g. {@code webp}
	 */
	@Override
	public String value() {
		return this.value;
	}

	static String normalize(Object value) {
		String token = Values.oneOf(value, ACCEPTED);
		return "jpeg".equals(token) ? JPG.value : token;
	}

}
