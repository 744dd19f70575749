package dev.imgwire.samplemvc.support;

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

import javax.imageio.ImageIO;

/**
 * A PNG that looks like something (a sun setting over the sea), made with Java 2D so no
 * binary fixture lives in the repository.
 *
 * @author Imgwire
 */
public final class TestImages {

	private TestImages() {
	}

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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static Path sunsetPngFile(Path directory, String name, int width, int height) {
		try {
			return Files.write(directory.resolve(name), sunsetPng(width, height));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
