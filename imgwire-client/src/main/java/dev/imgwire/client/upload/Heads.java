package dev.imgwire.client.upload;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.imgwire.client.internal.http.DataBuffers;

/**
 * Reads the first bytes of a stream and cancels the rest.
 *
 * @author Imgwire
 */
final class Heads {

	private Heads() {
	}

	static Mono<byte[]> read(Flux<DataBuffer> content, int maxBytes) {
		// takeUntilByteCount slices the last buffer, so the joined one holds at most
		// maxBytes.
		return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(content, maxBytes))
			.map(DataBuffers::toBytesAndRelease)
			.defaultIfEmpty(new byte[0]);
	}

}
