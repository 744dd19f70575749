package dev.imgwire.client.model;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.imgwire.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * MIME types Imgwire accepts for uploads.
 *
 * @author Imgwire
 */
public enum SupportedMimeType {

	JPEG("image/jpeg", "jpg", "jpeg", "jpe"),

	JXL("image/jxl", "jxl"),

	PNG("image/png", "png"),

	WEBP("image/webp", "webp"),

	AVIF("image/avif", "avif"),

	GIF("image/gif", "gif"),

	ICON("image/vnd.microsoft.icon", "ico"),

	HEIC("image/heic", "heic", "heif"),

	BMP("image/bmp", "bmp"),

	TIFF("image/tiff", "tif", "tiff"),

	/**
	 * A type this client does not know yet; the list has grown before. Never valid in a
	 * request.
	 */
	UNKNOWN("application/octet-stream");

	private final String value;

	private final String[] extensions;

	SupportedMimeType(String value, String... extensions) {
		this.value = value;
		this.extensions = extensions;
	}

	/**
	 * The MIME type as sent on the wire, for example {@code image/png}.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The usual file extension of this type, without the dot.
	 * @return the extension, for example {@code png}; {@code bin} for {@link #UNKNOWN}
	 */
	public String extension() {
		return (this.extensions.length > 0) ? this.extensions[0] : "bin";
	}

	/**
	 * Find the type for a file name's extension.
	 * @param fileName a file name such as {@code cat.PNG}
	 * @return the type, or empty when the extension is unknown or absent
	 */
	public static Optional<SupportedMimeType> fromFileName(@Nullable String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		for (SupportedMimeType type : values()) {
			for (String candidate : type.extensions) {
				if (candidate.equals(extension) && type != UNKNOWN) {
					return Optional.of(type);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Find the type for a wire value.
	 * @param value a MIME type such as {@code image/png}
	 * @return the type, or {@link #UNKNOWN}
	 */
	@JsonCreator
	public static SupportedMimeType fromValue(String value) {
		return WireEnums.lookup(SupportedMimeType.class, value, SupportedMimeType::value, UNKNOWN);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
