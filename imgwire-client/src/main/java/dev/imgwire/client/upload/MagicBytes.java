package dev.imgwire.client.upload;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import dev.imgwire.client.model.SupportedMimeType;

/**
 * Recognises image formats by their first bytes.
 *
 * @author Imgwire
 */
public final class MagicBytes {

	/**
	 * How many leading bytes {@link #detect(byte[])} looks at, at most.
	 */
	public static final int HEAD_LENGTH = 64;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] JXL_CODESTREAM = { (byte) 0xFF, 0x0A };

	private static final byte[] JXL_CONTAINER = { 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A };

	private static final byte[] ICO = { 0, 0, 1, 0 };

	private static final byte[] TIFF_LITTLE_ENDIAN = { 'I', 'I', 0x2A, 0 };

	private static final byte[] TIFF_BIG_ENDIAN = { 'M', 'M', 0, 0x2A };

	private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
			"hevs", "mif1", "msf1");

	private MagicBytes() {
	}

	/**
	 * Recognise a format.
	 * @param head the first bytes of the content, ideally {@value #HEAD_LENGTH}
	 * @return the type, or empty when not recognised
	 */
	public static Optional<SupportedMimeType> detect(byte[] head) {
		if (head == null) {
			return Optional.empty();
		}
		if (startsWith(head, 0, PNG)) {
			return Optional.of(SupportedMimeType.PNG);
		}
		if (startsWith(head, 0, JPEG)) {
			return Optional.of(SupportedMimeType.JPEG);
		}
		if (startsWithAscii(head, 0, "GIF87a") || startsWithAscii(head, 0, "GIF89a")) {
			return Optional.of(SupportedMimeType.GIF);
		}
		if (startsWithAscii(head, 0, "RIFF") && startsWithAscii(head, 8, "WEBP")) {
			return Optional.of(SupportedMimeType.WEBP);
		}
		if (startsWith(head, 0, TIFF_LITTLE_ENDIAN) || startsWith(head, 0, TIFF_BIG_ENDIAN)) {
			return Optional.of(SupportedMimeType.TIFF);
		}
		if (startsWith(head, 0, JXL_CODESTREAM) || startsWith(head, 0, JXL_CONTAINER)) {
			return Optional.of(SupportedMimeType.JXL);
		}
		if (startsWithAscii(head, 4, "ftyp")) {
			return isoBaseMediaBrand(head);
		}
		if (startsWith(head, 0, ICO) && head.length >= 6 && (head[4] != 0 || head[5] != 0)) {
			return Optional.of(SupportedMimeType.ICON);
		}
		// "BM" alone is weak; require the reserved header bytes to be zero as well.
		if (startsWithAscii(head, 0, "BM") && head.length >= 10 && head[6] == 0 && head[7] == 0 && head[8] == 0
				&& head[9] == 0) {
			return Optional.of(SupportedMimeType.BMP);
		}
		return Optional.empty();
	}

	private static Optional<SupportedMimeType> isoBaseMediaBrand(byte[] head) {
		if (head.length < 12) {
			return Optional.empty();
		}
		String major = ascii(head, 8);
		if (AVIF_BRANDS.contains(major)) {
			return Optional.of(SupportedMimeType.AVIF);
		}
		// Generic HEIF brands (mif1, msf1) are shared with AVIF; the compatible brands
		// that follow the minor version decide.
		long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFFL) << 16) | ((head[2] & 0xFFL) << 8)
				| (head[3] & 0xFFL);
		int end = (int) Math.min(head.length, Math.max(16, boxSize));
		for (int offset = 16; offset + 4 <= end; offset += 4) {
			if (AVIF_BRANDS.contains(ascii(head, offset))) {
				return Optional.of(SupportedMimeType.AVIF);
			}
		}
		if (HEIC_BRANDS.contains(major)) {
			return Optional.of(SupportedMimeType.HEIC);
		}
		for (int offset = 16; offset + 4 <= end; offset += 4) {
			if (HEIC_BRANDS.contains(ascii(head, offset))) {
				return Optional.of(SupportedMimeType.HEIC);
			}
		}
		return Optional.empty();
	}

	private static String ascii(byte[] head, int offset) {
		return new String(head, offset, 4, StandardCharsets.ISO_8859_1);
	}

	private static boolean startsWithAscii(byte[] head, int offset, String prefix) {
		return startsWith(head, offset, prefix.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
		if (head.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
