package dev.imgwire.emulator.processing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.imgwire.emulator.state.ImageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FormatSniffer}.
 */
class FormatSnifferTests {

	@Test
	void recognisesEverySupportedFormatByItsMagicBytes() {
		assertThat(FormatSniffer.sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'))).hasValue(ImageFormat.PNG);
		assertThat(FormatSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).hasValue(ImageFormat.JPEG);
		assertThat(FormatSniffer.sniff(ascii("GIF89a...."))).hasValue(ImageFormat.GIF);
		assertThat(FormatSniffer.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).hasValue(ImageFormat.WEBP);
		assertThat(FormatSniffer.sniff(ascii("BM" + "\0".repeat(30)))).hasValue(ImageFormat.BMP);
		assertThat(FormatSniffer.sniff(bytes('I', 'I', 42, 0))).hasValue(ImageFormat.TIFF);
		assertThat(FormatSniffer.sniff(bytes('M', 'M', 0, 42))).hasValue(ImageFormat.TIFF);
		assertThat(FormatSniffer.sniff(bytes(0, 0, 1, 0, 1, 0))).hasValue(ImageFormat.ICO);
		assertThat(FormatSniffer.sniff(bytes(0xFF, 0x0A))).hasValue(ImageFormat.JXL);
		assertThat(FormatSniffer.sniff(ftyp("avif", "mif1"))).hasValue(ImageFormat.AVIF);
		assertThat(FormatSniffer.sniff(ftyp("mif1", "avif"))).hasValue(ImageFormat.AVIF);
		assertThat(FormatSniffer.sniff(ftyp("heic", "mif1"))).hasValue(ImageFormat.HEIC);
	}

	@Test
	void recognisesEveryHeicBrandTheClientInfers() {
		for (String brand : new String[] { "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs" }) {
			assertThat(FormatSniffer.sniff(ftyp(brand, "iso8"))).as(brand).hasValue(ImageFormat.HEIC);
			assertThat(FormatSniffer.sniff(ftyp("iso8", brand))).as(brand).hasValue(ImageFormat.HEIC);
		}
	}

	@Test
	void ftypBoxOf256BytesIsNotMistakenForAnIcon() {
		byte[] head = ftyp("hevm", "iso8");
		head[2] = 1;
		head[3] = 0;
		assertThat(FormatSniffer.sniff(head)).hasValue(ImageFormat.HEIC);
	}

	@Test
	void ftypBoxSizeAbove2GibStillReadsTheCompatibleBrands() {
		byte[] head = ftyp("mif1", "avif");
		head[0] = (byte) 0x80;
		assertThat(FormatSniffer.sniff(head)).hasValue(ImageFormat.AVIF);
	}

	@Test
	void bmpNeedsZeroReservedBytesLikeTheClientRule() {
		assertThat(FormatSniffer.sniff(ascii("BMF\0\0\0\0\0\0\0"))).hasValue(ImageFormat.BMP);
		assertThat(FormatSniffer.sniff(ascii("BMF\0\0\0\u0001\0\0\0" + "\0".repeat(30)))).isEmpty();
		assertThat(FormatSniffer.sniff(ascii("BMP is a format"))).isEmpty();
	}

	@Test
	void rejectsTextVideoAndEmptyInput() {
		assertThat(FormatSniffer.sniff(ascii("<!doctype html>"))).isEmpty();
		assertThat(FormatSniffer.sniff(ftyp("isom", "mp41"))).isEmpty();
		assertThat(FormatSniffer.sniff(new byte[0])).isEmpty();
	}

	private static byte[] ftyp(String major, String compatible) {
		return ascii("\0\0\0\u0018ftyp" + major + "\0\0\0\0" + compatible + "    ");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
