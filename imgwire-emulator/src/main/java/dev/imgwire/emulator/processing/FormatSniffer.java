package dev.imgwire.emulator.processing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * Recognises every supported format from its leading magic bytes.
 * <p>
 * The rules, including their order, mirror the client's {@code MagicBytes}: a file the
 * client infers as one format must not be quarantined here as another.
 *
 * @author imgwire
 */
public final class FormatSniffer {

	/** Bytes of the file start needed to recognise any supported format. */
	public static final int HEAD_LENGTH = 64;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JXL_CONTAINER = { 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', '\r', '\n', (byte) 0x87, '\n' };

	private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
			"hevs", "mif1", "msf1");

	private FormatSniffer() {
	}

	public static Optional<ImageFormat> sniff(byte[] head) {
		if (startsWith(head, PNG)) {
			return Optional.of(ImageFormat.PNG);
		}
		if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(ImageFormat.JPEG);
		}
		if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
			return Optional.of(ImageFormat.GIF);
		}
		if (startsWith(head, "RIFF") && matches(head, 8, "WEBP")) {
			return Optional.of(ImageFormat.WEBP);
		}
		if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
			return Optional.of(ImageFormat.TIFF);
		}
		if (startsWith(head, 0xFF, 0x0A) || startsWith(head, JXL_CONTAINER)) {
			return Optional.of(ImageFormat.JXL);
		}
		// Before ICO: an ftyp box of 256 bytes also starts with 00 00 01 00.
		if (matches(head, 4, "ftyp")) {
			return isoMediaFormat(head);
		}
		if (startsWith(head, 0, 0, 1, 0) && head.length >= 6 && (head[4] != 0 || head[5] != 0)) {
			return Optional.of(ImageFormat.ICO);
		}
		// "BM" alone is weak; the reserved header bytes must be zero as well.
		if (startsWith(head, "BM") && head.length >= 10 && head[6] == 0 && head[7] == 0 && head[8] == 0
				&& head[9] == 0) {
			return Optional.of(ImageFormat.BMP);
		}
		return Optional.empty();
	}

	private static Optional<ImageFormat> isoMediaFormat(byte[] head) {
		// ftyp box: size, "ftyp", major brand, minor version, then compatible brands.
		// Unsigned: a size above 2^31 must not hide the compatible brands.
		long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFFL) << 16) | ((head[2] & 0xFFL) << 8)
				| (head[3] & 0xFFL);
		int end = (int) Math.min(Math.max(boxSize, 16), head.length);
		Set<String> brands = new HashSet<>();
		if (head.length >= 12) {
			brands.add(new String(head, 8, 4, StandardCharsets.ISO_8859_1));
		}
		for (int offset = 16; offset + 4 <= end; offset += 4) {
			brands.add(new String(head, offset, 4, StandardCharsets.ISO_8859_1));
		}
		if (brands.stream().anyMatch(AVIF_BRANDS::contains)) {
			return Optional.of(ImageFormat.AVIF);
		}
		if (brands.stream().anyMatch(HEIF_BRANDS::contains)) {
			return Optional.of(ImageFormat.HEIC);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] head, String prefix) {
		return matches(head, 0, prefix);
	}

	private static boolean matches(byte[] head, int offset, String expected) {
		return matches(head, offset, expected.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		byte[] bytes = new byte[prefix.length];
		for (int i = 0; i < prefix.length; i++) {
			bytes[i] = (byte) prefix[i];
		}
		return matches(head, 0, bytes);
	}

	private static boolean startsWith(byte[] head, byte[] prefix) {
		return matches(head, 0, prefix);
	}

	private static boolean matches(byte[] head, int offset, byte[] expected) {
		if (head.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (head[offset + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
