package dev.imgwire.emulator.processing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * Looks at stored bytes the way the real service's processing would: which format they
 * are, and how large the picture is.
 *
 * @author imgwire
 */
public final class ImageInspector {

	private ImageInspector() {
	}

	public static Inspection inspect(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ImageFormat format = FormatSniffer.sniff(head(channel)).orElse(null);
			Dimensions dimensions = (format != null) ? DimensionReader.read(channel, format).orElse(null) : null;
			return new Inspection(format, dimensions);
		}
	}

	private static byte[] head(FileChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(FormatSniffer.HEAD_LENGTH);
		while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
			// Keep reading until the head is full or the file ends.
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

}
