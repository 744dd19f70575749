package dev.imgwire.emulator.processing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * Recognises every supported format from its leading magic bytes.
 *
 * @author imgwire
 */
public final class FormatSniffer {

	/** Bytes of the file start needed to recognise any supported format. */
	public static final int HEAD_LENGTH = 64;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JXL_CONTAINER = { 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', '\r', '\n', (byte) 0x87, '\n' };

	private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
			"msf1");

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
		if (startsWith(head, "BM") && head.length >= 26) {
			return Optional.of(ImageFormat.BMP);
		}
		if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)) {
			return Optional.of(ImageFormat.TIFF);
		}
		if (startsWith(head, 0, 0, 1, 0) && head.length >= 6 && (head[4] != 0 || head[5] != 0)) {
			return Optional.of(ImageFormat.ICO);
		}
		if (startsWith(head, 0xFF, 0x0A) || startsWith(head, JXL_CONTAINER)) {
			return Optional.of(ImageFormat.JXL);
		}
		if (matches(head, 4, "ftyp")) {
			return isoMediaFormat(head);
		}
		return Optional.empty();
	}

	private static Optional<ImageFormat> isoMediaFormat(byte[] head) {
		// ftyp box: size, "ftyp", major brand, minor version, then compatible brands.
		int boxSize = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
		int end = Math.min(Math.max(boxSize, 16), head.length);
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
