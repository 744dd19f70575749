package dev.imgwire.emulator.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;

import dev.imgwire.emulator.state.BlobWriter;

/**
 * Bridges Netty buffers to {@link BlobWriter}.
 *
 * @author imgwire
 */
public final class Chunks {

	private Chunks() {
	}

	/**
	 * Write a received chunk synchronously. Reactor Netty releases the chunk as soon as
	 * {@code onNext} returns, so it must be consumed here rather than handed to another
	 * thread; page-cache writes are fast enough for the event loop.
	 * @param writer the destination
	 * @param chunk the chunk
	 */
	public static void append(BlobWriter writer, ByteBuf chunk) {
		try {
			for (ByteBuffer buffer : chunk.nioBuffers()) {
				writer.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Close a writer from a cleanup callback that cannot throw.
	 * @param writer the writer
	 */
	public static void closeQuietly(BlobWriter writer) {
		try {
			writer.close();
		}
		catch (IOException ex) {
			// The partial file goes with the storage directory at the latest.
		}
	}

}
