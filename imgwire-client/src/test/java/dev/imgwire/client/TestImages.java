package dev.imgwire.client;

import java.nio.charset.StandardCharsets;

import dev.imgwire.emulator.SampleImages;

/**
 * Small images for tests: real ones from the emulator's {@link SampleImages}, and format
 * headers for types the JDK cannot write.
 */
final class TestImages {

	private TestImages() {
	}

	static byte[] png() {
		return SampleImages.png(4, 3);
	}

	static byte[] png(int width, int height) {
		return SampleImages.png(width, height);
	}

	static byte[] jpeg() {
		return SampleImages.jpeg(4, 3);
	}

	static byte[] gif() {
		return SampleImages.gif(4, 3);
	}

	static byte[] bmp() {
		return SampleImages.bmp(4, 3);
	}

	static byte[] tiff() {
		return SampleImages.tiff(4, 3);
	}

	static byte[] webpHeader() {
		byte[] bytes = new byte[32];
		put(bytes, 0, "RIFF");
		bytes[4] = 24;
		put(bytes, 8, "WEBPVP8 ");
		return bytes;
	}

	static byte[] icoHeader() {
		return new byte[] { 0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0 };
	}

	static byte[] avifHeader() {
		return ftyp("avif", "mif1", "miaf");
	}

	static byte[] heicHeader() {
		return ftyp("heic", "mif1", "heic");
	}

	static byte[] avifWithGenericBrandHeader() {
		return ftyp("mif1", "avif", "miaf");
	}

	static byte[] jxlCodestreamHeader() {
		return new byte[] { (byte) 0xFF, 0x0A, 0, 0, 0, 0, 0, 0 };
	}

	private static byte[] ftyp(String major, String... compatible) {
		int size = 16 + 4 * compatible.length;
		byte[] bytes = new byte[size + 16];
		bytes[3] = (byte) size;
		put(bytes, 4, "ftyp");
		put(bytes, 8, major);
		for (int i = 0; i < compatible.length; i++) {
			put(bytes, 16 + 4 * i, compatible[i]);
		}
		return bytes;
	}

	private static void put(byte[] bytes, int offset, String ascii) {
		byte[] text = ascii.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(text, 0, bytes, offset, text.length);
	}

}
