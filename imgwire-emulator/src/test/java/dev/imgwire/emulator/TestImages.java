package dev.imgwire.emulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Real image files, generated with ImageIO so their headers are whatever a real encoder
 * writes.
 */
final class TestImages {

	private TestImages() {
	}

	static byte[] png(int width, int height) {
		return encode("png", width, height, BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg(int width, int height) {
		return encode("jpg", width, height, BufferedImage.TYPE_INT_RGB);
	}

	static byte[] gif(int width, int height) {
		return encode("gif", width, height, BufferedImage.TYPE_INT_RGB);
	}

	static byte[] bmp(int width, int height) {
		return encode("bmp", width, height, BufferedImage.TYPE_INT_RGB);
	}

	private static byte[] encode(String format, int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, width / 2 + 1, height / 2 + 1);
		graphics.dispose();
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
