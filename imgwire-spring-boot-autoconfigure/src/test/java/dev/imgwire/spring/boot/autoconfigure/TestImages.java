package dev.imgwire.spring.boot.autoconfigure;

import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.SampleImages;

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
		return SampleImages.png(width, height);
	}

	public static UploadSource source(byte[] bytes) {
		return UploadSource.fromBytes(bytes);
	}

	public static UploadOptions options(String fileName) {
		return UploadOptions.defaults().withFileName(fileName).withMimeType(SupportedMimeType.PNG);
	}

}
