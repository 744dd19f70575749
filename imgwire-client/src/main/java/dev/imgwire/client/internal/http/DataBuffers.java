package dev.imgwire.client.internal.http;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Copies a joined body out of its pooled buffer, so that the buffer goes back to the pool
 * at once whatever is done with the bytes.
 *
 * @author Imgwire
 */
public final class DataBuffers {

	private DataBuffers() {
	}

	/**
	 * Copy the readable bytes of a buffer, then release it.
	 * @param buffer the buffer, released even when the copy fails
	 * @return the bytes
	 */
	public static byte[] toBytesAndRelease(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
