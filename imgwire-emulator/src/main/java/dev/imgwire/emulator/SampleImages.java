package dev.imgwire.emulator;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Real image files for tests that upload to the emulator, written by ImageIO so their
 * headers are whatever a real encoder writes and no binary fixture has to be kept.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public final class SampleImages {

	private SampleImages() {
	}

	/**
	 * A PNG of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] png(int width, int height) {
		return encode("png", width, height);
	}

	/**
	 * A JPEG of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] jpeg(int width, int height) {
		return encode("jpeg", width, height);
	}

	/**
	 * A GIF of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] gif(int width, int height) {
		return encode("gif", width, height);
	}

	/**
	 * A BMP of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] bmp(int width, int height) {
		return encode("bmp", width, height);
	}

	/**
	 * A TIFF of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] tiff(int width, int height) {
		return encode("tiff", width, height);
	}

	private static byte[] encode(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		// A gradient rather than a flat colour, so that images of one size but another
		// format or origin never encode to the same bytes by accident.
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, new Color((x * 40) % 256, (y * 60) % 256, 120).getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
