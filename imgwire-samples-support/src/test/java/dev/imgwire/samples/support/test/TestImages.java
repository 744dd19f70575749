package dev.imgwire.samples.support.test;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Real PNG files, drawn with Java 2D and written with ImageIO, so that no binary fixture
 * lives in the repository.
 *
 * @author Imgwire
 */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * A PNG of noise: it does not compress, so the upload is big enough for the browser
	 * to report progress as it goes.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the PNG bytes
	 */
	public static byte[] noisePng(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(width * 31L + height);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		return png(image);
	}

	public static Path noisePngFile(Path directory, String name, int width, int height) {
		return write(directory.resolve(name), noisePng(width, height));
	}

	/**
	 * A PNG that looks like something, a sun setting over the sea, for a page that shows
	 * it (and a screenshot that is worth a look).
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the PNG bytes
	 */
	public static byte[] sunsetPng(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		int horizon = height * 2 / 3;
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x2b3a8c), 0, horizon, new Color(0xf5a65b)));
		graphics.fillRect(0, 0, width, horizon);
		int sun = height / 3;
		graphics.setColor(new Color(0xffe08a));
		graphics.fillOval(width / 2 - sun / 2, horizon - sun / 2, sun, sun);
		graphics.setPaint(new GradientPaint(0, horizon, new Color(0x1f4e79), 0, height, new Color(0x0b1d33)));
		graphics.fillRect(0, horizon, width, height - horizon);
		graphics.dispose();
		return png(image);
	}

	public static Path sunsetPngFile(Path directory, String name, int width, int height) {
		return write(directory.resolve(name), sunsetPng(width, height));
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Path write(Path file, byte[] content) {
		try {
			return Files.write(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
