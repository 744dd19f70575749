package dev.imgwire.client.upload;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * A one-shot source whose length is unknown until it has been read: the client spools it
 * to a file (see {@link UploadSpool}) and uploads from there.
 *
 * @author Imgwire
 */
final class UnknownLengthUploadSource extends UploadSource {

	private final @Nullable Function<DataBufferFactory, Flux<DataBuffer>> content;

	private final @Nullable String fileName;

	private final @Nullable String declaredContentType;

	private final String description;

	private final AtomicBoolean subscribed = new AtomicBoolean();

	private UnknownLengthUploadSource(@Nullable Function<DataBufferFactory, Flux<DataBuffer>> content,
			@Nullable String fileName, @Nullable String declaredContentType, String description) {
		this.content = content;
		this.fileName = fileName;
		this.declaredContentType = declaredContentType;
		this.description = description;
	}

	static UnknownLengthUploadSource ofBuffers(@Nullable Flux<DataBuffer> content, @Nullable String fileName,
			@Nullable String declaredContentType, String description) {
		return new UnknownLengthUploadSource((content != null) ? (factory) -> content : null, fileName,
				declaredContentType, description);
	}

	static UnknownLengthUploadSource ofStream(@Nullable InputStream stream) {
		return new UnknownLengthUploadSource(
				(stream != null) ? (factory) -> InputStreamUploadSource.read(() -> stream, factory) : null, null, null,
				"stream");
	}

	static UnknownLengthUploadSource missing(String what) {
		return new UnknownLengthUploadSource(null, null, null, what);
	}

	@Override
	public void validate() {
		if (this.content == null) {
			throw invalid(this.description + " must not be null");
		}
		if (this.subscribed.get()) {
			throw alreadyRead("");
		}
	}

	/**
	 * Unknown until the source is spooled: the client never asks.
	 * @throws dev.imgwire.client.error.ImgwireRequestValidationException always
	 */
	@Override
	public long length() {
		throw invalid("the length of a " + this.description + " without a declared length is known only once it is "
				+ "spooled, which the client does before uploading");
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
		return false;
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> {
			if (this.content == null) {
				return Flux.error(invalid(this.description + " must not be null"));
			}
			if (!this.subscribed.compareAndSet(false, true)) {
				return Flux.error(alreadyRead(""));
			}
			return this.content.apply(bufferFactory);
		});
	}

	/**
	 * The file this source was spooled to, as a replayable source with this source's name
	 * and declared type.
	 * @param file the complete spool file
	 * @return the source to upload
	 */
	UploadSource spooledTo(Path file) {
		return new PathUploadSource(file, this.fileName, this.declaredContentType);
	}

	@Override
	public String toString() {
		return "UploadSource[" + this.description + " of unknown length"
				+ ((this.fileName != null) ? " " + this.fileName : "") + "]";
	}

}
