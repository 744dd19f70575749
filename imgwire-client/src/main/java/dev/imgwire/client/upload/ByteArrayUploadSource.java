package dev.imgwire.client.upload;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * Bytes already in memory, sent in chunks without copying the array.
 *
 * @author Imgwire
 */
final class ByteArrayUploadSource extends UploadSource {

	private final byte @Nullable [] bytes;

	ByteArrayUploadSource(byte @Nullable [] bytes) {
		this.bytes = bytes;
	}

	@Override
	public void validate() {
		bytes();
	}

	@Override
	public long length() {
		return bytes().length;
	}

	@Override
	public @Nullable String fileName() {
		return null;
	}

	@Override
	public boolean isReplayable() {
		return true;
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> {
			byte[] content = bytes();
			int chunks = (content.length + CHUNK_SIZE - 1) / CHUNK_SIZE;
			return Flux.range(0, chunks).map((chunk) -> {
				int offset = chunk * CHUNK_SIZE;
				return bufferFactory
					.wrap(ByteBuffer.wrap(content, offset, Math.min(CHUNK_SIZE, content.length - offset)).slice());
			});
		});
	}

	@Override
	Mono<byte[]> head(int maxBytes) {
		return Mono.fromSupplier(() -> Arrays.copyOf(bytes(), Math.min(maxBytes, bytes().length)));
	}

	private byte[] bytes() {
		if (this.bytes == null) {
			throw invalid("bytes must not be null");
		}
		return this.bytes;
	}

	@Override
	public String toString() {
		return "UploadSource[bytes=" + ((this.bytes != null) ? this.bytes.length : 0) + "]";
	}

}
