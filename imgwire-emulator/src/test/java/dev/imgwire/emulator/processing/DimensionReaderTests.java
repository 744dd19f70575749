package dev.imgwire.emulator.processing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.imgwire.emulator.state.ImageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImageInspector} and {@link DimensionReader}.
 */
class DimensionReaderTests {

	@TempDir
	Path directory;

	@Test
	void readsDimensionsOfImagesWrittenByImageIo() throws IOException {
		assertThat(inspect(encode("png", 31, 17))).isEqualTo(new Inspection(ImageFormat.PNG, new Dimensions(31, 17)));
		assertThat(inspect(encode("jpg", 40, 25))).isEqualTo(new Inspection(ImageFormat.JPEG, new Dimensions(40, 25)));
		assertThat(inspect(encode("gif", 3, 300))).isEqualTo(new Inspection(ImageFormat.GIF, new Dimensions(3, 300)));
		assertThat(inspect(encode("bmp", 9, 2))).isEqualTo(new Inspection(ImageFormat.BMP, new Dimensions(9, 2)));
	}

	@Test
	void readsWebpCanvasSize() throws IOException {
		ByteBuffer webp = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
		webp.put("RIFF".getBytes()).putInt(22).put("WEBP".getBytes()).put("VP8X".getBytes()).putInt(10);
		webp.put((byte) 0).put(new byte[3]);
		webp.put((byte) 199).put((byte) 0).put((byte) 0);
		webp.put((byte) 99).put((byte) 0).put((byte) 0);
		assertThat(inspect(webp.array())).isEqualTo(new Inspection(ImageFormat.WEBP, new Dimensions(200, 100)));
	}

	@Test
	void truncatedHeaderHasNoDimensions() throws IOException {
		byte[] png = encode("png", 8, 8);
		byte[] truncated = Arrays.copyOf(png, 16);
		assertThat(inspect(truncated)).isEqualTo(new Inspection(ImageFormat.PNG, null));
	}

	@Test
	void unknownBytesAreNoImage() throws IOException {
		assertThat(inspect("plain text".getBytes())).isEqualTo(new Inspection(null, null));
	}

	private Inspection inspect(byte[] bytes) throws IOException {
		Path file = Files.write(Files.createTempFile(this.directory, "image", ".bin"), bytes);
		return ImageInspector.inspect(file);
	}

	private static byte[] encode(String format, int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

}
