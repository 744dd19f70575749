package dev.imgwire.client.upload;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireUploadException;

/**
 * Blocking streams of a known length, read in chunks on the bounded elastic scheduler:
 * one open stream (one-shot), or a new stream per read (replayable), as a
 * {@code MultipartFile} gives.
 *
 * @author Imgwire
 */
final class InputStreamUploadSource extends UploadSource {

	private final @Nullable Callable<InputStream> opener;

	private final @Nullable InputStream oneShot;

	private final long length;

	private final @Nullable String fileName;

	private final @Nullable String declaredContentType;

	private final String description;

	private final AtomicBoolean subscribed = new AtomicBoolean();

	private InputStreamUploadSource(@Nullable Callable<InputStream> opener, @Nullable InputStream oneShot, long length,
			@Nullable String fileName, @Nullable String declaredContentType, String description) {
		this.opener = opener;
		this.oneShot = oneShot;
		this.length = length;
		this.fileName = fileName;
		this.declaredContentType = declaredContentType;
		this.description = description;
	}

	static InputStreamUploadSource oneShot(@Nullable InputStream stream, long length) {
		// Marking lets the first bytes be read for the type and then sent all the same.
		InputStream markable = (stream == null || stream.markSupported()) ? stream
				: new BufferedInputStream(stream, CHUNK_SIZE);
		return new InputStreamUploadSource(null, markable, length, null, null,
				(markable != null) ? "one-shot stream" : "stream must not be null");
	}

	/**
	 * A source for a missing argument, which fails validation with the given rule.
	 */
	static InputStreamUploadSource missing(String rule) {
		return new InputStreamUploadSource(null, null, 0, null, null, rule);
	}

	static InputStreamUploadSource replayable(Callable<InputStream> opener, long length, @Nullable String fileName,
			@Nullable String declaredContentType, String description) {
		return new InputStreamUploadSource(opener, null, length, fileName, declaredContentType, description);
	}

	@Override
	public void validate() {
		if (this.opener == null && this.oneShot == null) {
			throw invalid(this.description);
		}
		if (this.oneShot != null && this.subscribed.get()) {
			throw alreadyRead("");
		}
	}

	@Override
	public long length() {
		return this.length;
	}

	@Override
	public @Nullable String fileName() {
		return this.fileName;
	}

	@Override
	@Nullable String declaredContentType() {
		return this.declaredContentType;
	}

	@Override
	public boolean isReplayable() {
		return this.opener != null;
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> {
			if (this.opener != null) {
				return read(this.opener, bufferFactory);
			}
			InputStream stream = this.oneShot;
			if (stream == null) {
				return Flux.error(invalid(this.description));
			}
			if (!this.subscribed.compareAndSet(false, true)) {
				return Flux.error(alreadyRead(""));
			}
			return read(() -> stream, bufferFactory);
		});
	}

	/**
	 * Read a blocking stream: every read, and the close at the end, runs on the bounded
	 * elastic scheduler.
	 */
	static Flux<DataBuffer> read(Callable<InputStream> stream, DataBufferFactory bufferFactory) {
		return DataBufferUtils.readInputStream(stream, bufferFactory, CHUNK_SIZE)
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap((ex) -> !(ex instanceof ImgwireException), InputStreamUploadSource::unreadable);
	}

	static ImgwireUploadException unreadable(Throwable ex) {
		return new ImgwireUploadException("The upload source could not be read (" + ex.getClass().getSimpleName() + ")",
				ex);
	}

	@Override
	Mono<byte[]> head(int maxBytes) {
		if (this.opener != null) {
			return Heads.read(content(DefaultDataBufferFactory.sharedInstance), maxBytes);
		}
		InputStream stream = this.oneShot;
		if (stream == null || this.subscribed.get()) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> {
			stream.mark(maxBytes);
			byte[] head = stream.readNBytes(maxBytes);
			stream.reset();
			return head;
		}).subscribeOn(Schedulers.boundedElastic()).onErrorMap(InputStreamUploadSource::unreadable);
	}

	@Override
	public String toString() {
		return "UploadSource[" + this.description + ((this.fileName != null) ? " " + this.fileName : "") + ", length="
				+ this.length + "]";
	}

}
