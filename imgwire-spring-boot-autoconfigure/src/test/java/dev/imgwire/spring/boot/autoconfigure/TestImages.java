package dev.imgwire.spring.boot.autoconfigure;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;

/**
 * Small, valid images for upload tests.
 *
 * @author Imgwire
 */
public final class TestImages {

	private TestImages() {
	}

	/**
	 * A PNG of the given size.
	 * @param width width in pixels
	 * @param height height in pixels
	 * @return the encoded bytes
	 */
	public static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static UploadSource source(byte[] bytes) {
		return UploadSource.fromBytes(bytes);
	}

	public static UploadOptions options(String fileName) {
		return UploadOptions.defaults().withFileName(fileName).withMimeType(SupportedMimeType.PNG);
	}

}
