package dev.imgwire.emulator.state;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The {@code SupportedMimeType} values of the Imgwire API, with the file extensions used
 * to infer them from a file name.
 *
 * @author imgwire
 */
public enum ImageFormat {

	JPEG("image/jpeg", "jpg", true, "jpg", "jpeg", "jpe", "jfif"),

	JXL("image/jxl", "jxl", false, "jxl"),

	PNG("image/png", "png", true, "png"),

	WEBP("image/webp", "webp", true, "webp"),

	AVIF("image/avif", "avif", true, "avif"),

	GIF("image/gif", "gif", true, "gif"),

	ICO("image/vnd.microsoft.icon", "ico", false, "ico"),

	HEIC("image/heic", "heic", false, "heic", "heif"),

	BMP("image/bmp", "bmp", false, "bmp"),

	TIFF("image/tiff", "tiff", false, "tiff", "tif");

	private final String mimeType;

	private final String extension;

	private final boolean browserNative;

	private final List<String> fileExtensions;

	ImageFormat(String mimeType, String extension, boolean browserNative, String... fileExtensions) {
		this.mimeType = mimeType;
		this.extension = extension;
		this.browserNative = browserNative;
		this.fileExtensions = List.of(fileExtensions);
	}

	public String mimeType() {
		return this.mimeType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * Whether browsers display this format natively. The API's
	 * {@code is_directly_deliverable} is undocumented; the emulator derives it from this.
	 * @return whether the format can be delivered without conversion
	 */
	public boolean browserNative() {
		return this.browserNative;
	}

	public static Optional<ImageFormat> ofMimeType(@Nullable String mimeType) {
		if (mimeType == null) {
			return Optional.empty();
		}
		String normalized = mimeType.trim().toLowerCase(Locale.ROOT);
		for (ImageFormat format : values()) {
			if (format.mimeType.equals(normalized)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	public static Optional<ImageFormat> ofFileName(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		for (ImageFormat format : values()) {
			if (format.fileExtensions.contains(extension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
