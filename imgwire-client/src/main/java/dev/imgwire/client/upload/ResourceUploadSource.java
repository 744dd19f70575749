package dev.imgwire.client.upload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * A Spring {@link Resource}; one-shot when the resource is an open stream.
 *
 * @author Imgwire
 */
final class ResourceUploadSource extends UploadSource {

	private final @Nullable Resource resource;

	private final AtomicBoolean consumed = new AtomicBoolean();

	ResourceUploadSource(@Nullable Resource resource) {
		this.resource = resource;
	}

	@Override
	public void validate() {
		Resource source = resource();
		if (source.isOpen() && this.consumed.get()) {
			throw alreadyRead("");
		}
		if (!source.isOpen()) {
			if (!source.exists()) {
				throw invalid("resource does not exist: " + source.getDescription());
			}
			if (!source.isReadable()) {
				throw invalid("resource is not readable: " + source.getDescription());
			}
		}
		length();
	}

	@Override
	public long length() {
		Resource source = resource();
		try {
			return source.contentLength();
		}
		catch (IOException | RuntimeException ex) {
			throw invalid("content length of the resource cannot be determined: " + source.getDescription());
		}
	}

	@Override
	public @Nullable String fileName() {
		return (this.resource != null) ? this.resource.getFilename() : null;
	}

	@Override
	public boolean isReplayable() {
		return !resource().isOpen();
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> {
			if (!isReplayable() && !this.consumed.compareAndSet(false, true)) {
				return Flux.error(alreadyRead(""));
			}
			return DataBufferUtils.read(resource(), bufferFactory, CHUNK_SIZE);
		});
	}

	@Override
	public @Nullable Path localFile() {
		Resource source = resource();
		if (source.isOpen() || !source.isFile()) {
			return null;
		}
		try {
			return source.getFile().toPath();
		}
		catch (IOException | RuntimeException ex) {
			// Read through content() instead.
			return null;
		}
	}

	@Override
	Mono<byte[]> head(int maxBytes) {
		if (!isReplayable()) {
			return Mono.empty();
		}
		return Heads.read(content(DefaultDataBufferFactory.sharedInstance), maxBytes);
	}

	private Resource resource() {
		if (this.resource == null) {
			throw invalid("resource must not be null");
		}
		return this.resource;
	}

	@Override
	public String toString() {
		return "UploadSource[resource=" + ((this.resource != null) ? this.resource.getDescription() : null) + "]";
	}

}
