package dev.imgwire.client.upload;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Reads the first bytes of a stream and cancels the rest.
 *
 * @author Imgwire
 */
final class Heads {

	private Heads() {
	}

	static Mono<byte[]> read(Flux<DataBuffer> content, int maxBytes) {
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(content, maxBytes)).map((buffer) -> {
			try {
				byte[] bytes = new byte[Math.min(maxBytes, buffer.readableByteCount())];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]);
	}

}
