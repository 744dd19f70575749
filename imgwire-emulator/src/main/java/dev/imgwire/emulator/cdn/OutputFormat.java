package dev.imgwire.emulator.cdn;

import java.util.Optional;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * The formats the emulator decodes and encodes, which are those the JDK's ImageIO has
 * both a reader and a writer for. WebP, AVIF, HEIC, JPEG XL and ICO originals are served
 * untransformed.
 *
 * @author imgwire
 */
enum OutputFormat {

	JPEG("jpeg", ImageFormat.JPEG, false),

	PNG("png", ImageFormat.PNG, true),

	GIF("gif", ImageFormat.GIF, true),

	TIFF("tiff", ImageFormat.TIFF, true),

	/**
	 * Only ever the format of a BMP original: {@code format=bmp} is no value the CDN
	 * accepts.
	 */
	BMP("bmp", ImageFormat.BMP, false);

	private final String imageIoName;

	private final ImageFormat imageFormat;

	private final boolean alpha;

	OutputFormat(String imageIoName, ImageFormat imageFormat, boolean alpha) {
		this.imageIoName = imageIoName;
		this.imageFormat = imageFormat;
		this.alpha = alpha;
	}

	String imageIoName() {
		return this.imageIoName;
	}

	String mimeType() {
		return this.imageFormat.mimeType();
	}

	/**
	 * Whether the format keeps transparency; the others are flattened onto white.
	 */
	boolean alpha() {
		return this.alpha;
	}

	/**
	 * The output for a canonical {@code format} value.
	 * @param value {@code jpg}, {@code png}, ... as normalised by
	 * {@link ValueRule#FORMAT}
	 * @return the format, or empty for {@code auto}, {@code webp} and {@code avif}, which
	 * the emulator cannot write
	 */
	static Optional<OutputFormat> ofParameter(String value) {
		return switch (value) {
			case "jpg" -> Optional.of(JPEG);
			case "png" -> Optional.of(PNG);
			case "gif" -> Optional.of(GIF);
			case "tiff" -> Optional.of(TIFF);
			default -> Optional.empty();
		};
	}

	/**
	 * The format an original is re-encoded in when no other is asked for.
	 * @param format the original's format
	 * @return the format, or empty when the emulator cannot decode it
	 */
	static Optional<OutputFormat> ofOriginal(ImageFormat format) {
		for (OutputFormat candidate : values()) {
			if (candidate.imageFormat == format) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
