package dev.imgwire.emulator.processing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * Reads width and height from image headers with positioned reads, so a large file costs
 * a few small reads and never a full decode.
 *
 * @author imgwire
 */
public final class DimensionReader {

	private static final Set<ImageFormat> SUPPORTED = Set.of(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.GIF,
			ImageFormat.BMP, ImageFormat.WEBP, ImageFormat.ICO);

	/** JPEG files put SOF near the start; give up on pathological marker chains. */
	private static final int MAX_JPEG_SEGMENTS = 1024;

	private DimensionReader() {
	}

	/**
	 * Whether this reader understands the format's header; for those formats an
	 * unreadable header means a corrupt image.
	 * @param format the format
	 * @return whether dimensions can be read
	 */
	public static boolean supports(ImageFormat format) {
		return SUPPORTED.contains(format);
	}

	public static Optional<Dimensions> read(FileChannel channel, ImageFormat format) throws IOException {
		Dimensions dimensions = switch (format) {
			case PNG -> png(channel);
			case GIF -> gif(channel);
			case BMP -> bmp(channel);
			case WEBP -> webp(channel);
			case JPEG -> jpeg(channel);
			case ICO -> ico(channel);
			default -> null;
		};
		if (dimensions == null || dimensions.width() <= 0 || dimensions.height() <= 0) {
			return Optional.empty();
		}
		return Optional.of(dimensions);
	}

	private static @Nullable Dimensions png(FileChannel channel) throws IOException {
		ByteBuffer header = readAt(channel, 12, 12, ByteOrder.BIG_ENDIAN);
		if (header == null || header.getInt(0) != 0x49484452) {
			return null;
		}
		return new Dimensions(header.getInt(4), header.getInt(8));
	}

	private static @Nullable Dimensions gif(FileChannel channel) throws IOException {
		ByteBuffer header = readAt(channel, 6, 4, ByteOrder.LITTLE_ENDIAN);
		return (header != null) ? new Dimensions(unsignedShort(header, 0), unsignedShort(header, 2)) : null;
	}

	private static @Nullable Dimensions bmp(FileChannel channel) throws IOException {
		ByteBuffer header = readAt(channel, 14, 12, ByteOrder.LITTLE_ENDIAN);
		if (header == null) {
			return null;
		}
		if (header.getInt(0) == 12) {
			return new Dimensions(unsignedShort(header, 4), unsignedShort(header, 6));
		}
		// Negative height marks a top-down bitmap.
		return new Dimensions(header.getInt(4), Math.abs(header.getInt(8)));
	}

	private static @Nullable Dimensions webp(FileChannel channel) throws IOException {
		ByteBuffer chunk = readAt(channel, 12, 18, ByteOrder.LITTLE_ENDIAN);
		if (chunk == null) {
			return null;
		}
		int fourCc = chunk.order(ByteOrder.BIG_ENDIAN).getInt(0);
		chunk.order(ByteOrder.LITTLE_ENDIAN);
		if (fourCc == 0x56503820) {
			// "VP8 ": lossy, frame header after a 3-byte frame tag and the start code.
			if ((chunk.get(11) & 0xFF) != 0x9D || (chunk.get(12) & 0xFF) != 0x01 || (chunk.get(13) & 0xFF) != 0x2A) {
				return null;
			}
			return new Dimensions(unsignedShort(chunk, 14) & 0x3FFF, unsignedShort(chunk, 16) & 0x3FFF);
		}
		if (fourCc == 0x5650384C) {
			// "VP8L": lossless, 14-bit width-1 and height-1 after the signature byte.
			if ((chunk.get(8) & 0xFF) != 0x2F) {
				return null;
			}
			int bits = chunk.getInt(9);
			return new Dimensions((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
		}
		if (fourCc == 0x56503858) {
			// "VP8X": extended, 24-bit canvas width-1 and height-1.
			return new Dimensions(unsignedInt24(chunk, 12) + 1, unsignedInt24(chunk, 15) + 1);
		}
		return null;
	}

	private static @Nullable Dimensions ico(FileChannel channel) throws IOException {
		ByteBuffer entry = readAt(channel, 6, 2, ByteOrder.LITTLE_ENDIAN);
		if (entry == null) {
			return null;
		}
		// A stored 0 means 256 pixels.
		int width = entry.get(0) & 0xFF;
		int height = entry.get(1) & 0xFF;
		return new Dimensions((width != 0) ? width : 256, (height != 0) ? height : 256);
	}

	private static @Nullable Dimensions jpeg(FileChannel channel) throws IOException {
		long position = 2;
		for (int segments = 0; segments < MAX_JPEG_SEGMENTS; segments++) {
			ByteBuffer marker = readAt(channel, position, 2, ByteOrder.BIG_ENDIAN);
			if (marker == null || (marker.get(0) & 0xFF) != 0xFF) {
				return null;
			}
			int code = marker.get(1) & 0xFF;
			if (code == 0xFF) {
				position++;
				continue;
			}
			position += 2;
			if (code == 0x01 || (code >= 0xD0 && code <= 0xD8)) {
				continue;
			}
			if (code == 0xD9 || code == 0xDA) {
				return null;
			}
			ByteBuffer length = readAt(channel, position, 2, ByteOrder.BIG_ENDIAN);
			if (length == null) {
				return null;
			}
			if (isStartOfFrame(code)) {
				ByteBuffer frame = readAt(channel, position + 2, 5, ByteOrder.BIG_ENDIAN);
				return (frame != null) ? new Dimensions(unsignedShort(frame, 3), unsignedShort(frame, 1)) : null;
			}
			position += unsignedShort(length, 0);
		}
		return null;
	}

	private static boolean isStartOfFrame(int code) {
		return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
	}

	private static @Nullable ByteBuffer readAt(FileChannel channel, long position, int length, ByteOrder order)
			throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			int read = channel.read(buffer, position + buffer.position());
			if (read < 0) {
				return null;
			}
		}
		return buffer.flip().order(order);
	}

	private static int unsignedShort(ByteBuffer buffer, int index) {
		return buffer.getShort(index) & 0xFFFF;
	}

	private static int unsignedInt24(ByteBuffer buffer, int index) {
		return (buffer.get(index) & 0xFF) | ((buffer.get(index + 1) & 0xFF) << 8)
				| ((buffer.get(index + 2) & 0xFF) << 16);
	}

}
