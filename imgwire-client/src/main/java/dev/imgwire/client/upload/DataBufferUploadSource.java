package dev.imgwire.client.upload;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.imgwire.client.error.ImgwireUploadException;

/**
 * A stream of buffers of a declared length: one-shot for a single {@link Flux},
 * replayable for a {@link Supplier} of them.
 *
 * @author Imgwire
 */
final class DataBufferUploadSource extends UploadSource {

	private static final String REPLAYABLE_INSTEAD = ". Use UploadSource.fromDataBuffers(Supplier, long) to allow retries";

	private final @Nullable Flux<DataBuffer> oneShot;

	private final @Nullable Supplier<Flux<DataBuffer>> supplier;

	private final long length;

	private final AtomicBoolean subscribed = new AtomicBoolean();

	DataBufferUploadSource(@Nullable Flux<DataBuffer> content, long length) {
		this.oneShot = content;
		this.supplier = null;
		this.length = length;
	}

	DataBufferUploadSource(@Nullable Supplier<Flux<DataBuffer>> content, long length) {
		this.oneShot = null;
		this.supplier = content;
		this.length = length;
	}

	@Override
	public void validate() {
		if (this.oneShot == null && this.supplier == null) {
			throw invalid("content must not be null");
		}
		if (this.oneShot != null && this.subscribed.get()) {
			throw alreadyRead(REPLAYABLE_INSTEAD);
		}
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public @Nullable String fileName() {
		return null;
	}

	@Override
	public boolean isReplayable() {
		return this.supplier != null;
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> {
			if (this.supplier != null) {
				Flux<DataBuffer> content = this.supplier.get();
				if (content == null) {
					return Flux.error(new ImgwireUploadException("The upload source supplier returned null"));
				}
				return content;
			}
			if (this.oneShot == null) {
				return Flux.error(invalid("content must not be null"));
			}
			if (!this.subscribed.compareAndSet(false, true)) {
				return Flux.error(alreadyRead(REPLAYABLE_INSTEAD));
			}
			return this.oneShot;
		});
	}

	@Override
	Mono<byte[]> head(int maxBytes) {
		if (this.supplier == null) {
			return Mono.empty();
		}
		return Heads.read(content(DefaultDataBufferFactory.sharedInstance), maxBytes);
	}

	@Override
	public String toString() {
		return "UploadSource[" + (isReplayable() ? "replayable" : "one-shot") + " buffers, length=" + this.length + "]";
	}

}
