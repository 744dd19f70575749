package dev.imgwire.sample.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Real PNG files, made with ImageIO so no binary fixtures live in the repository.
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
	public static byte[] png(int width, int height) {
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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static Path pngFile(Path directory, String name, int width, int height) {
		try {
			return Files.write(directory.resolve(name), png(width, height));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
