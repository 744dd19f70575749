package dev.imgwire.client.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A file, read asynchronously.
 *
 * @author Imgwire
 */
final class PathUploadSource extends UploadSource {

	private final @Nullable Path path;

	private final @Nullable String fileName;

	private final @Nullable String declaredContentType;

	private final boolean standIn;

	PathUploadSource(@Nullable Path path) {
		this.path = path;
		this.fileName = null;
		this.declaredContentType = null;
		this.standIn = false;
	}

	/**
	 * A file standing in for another source, such as a spool file.
	 * @param path the file
	 * @param fileName the name of the source it stands in for, not of the file
	 * @param declaredContentType the type that source declared
	 */
	PathUploadSource(@Nullable Path path, @Nullable String fileName, @Nullable String declaredContentType) {
		this.path = path;
		this.fileName = fileName;
		this.declaredContentType = declaredContentType;
		this.standIn = true;
	}

	@Override
	public void validate() {
		Path file = file();
		if (!Files.exists(file)) {
			throw invalid("file does not exist: " + file.getFileName());
		}
		if (Files.isDirectory(file)) {
			throw invalid("must be a regular file, not a directory: " + file.getFileName());
		}
		if (!Files.isRegularFile(file)) {
			throw invalid("must be a regular file: " + file.getFileName());
		}
		if (!Files.isReadable(file)) {
			throw invalid("file is not readable: " + file.getFileName());
		}
	}

	@Override
	public long length() {
		Path file = file();
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw invalid("size of the file cannot be read: " + file.getFileName());
		}
	}

	@Override
	@Nullable String declaredContentType() {
		return this.declaredContentType;
	}

	@Override
	public @Nullable String fileName() {
		if (this.standIn) {
			return this.fileName;
		}
		Path name = (this.path != null) ? this.path.getFileName() : null;
		return (name != null) ? name.toString() : null;
	}

	@Override
	public boolean isReplayable() {
		return true;
	}

	@Override
	public Flux<DataBuffer> content(DataBufferFactory bufferFactory) {
		return Flux.defer(() -> DataBufferUtils.read(file(), bufferFactory, CHUNK_SIZE));
	}

	@Override
	public @Nullable Path localFile() {
		return this.path;
	}

	@Override
	Mono<byte[]> head(int maxBytes) {
		// A few bytes of a local file; read off the caller's thread all the same.
		return Mono.fromCallable(() -> {
			try (SeekableByteChannel channel = Files.newByteChannel(file())) {
				ByteBuffer buffer = ByteBuffer.allocate(maxBytes);
				while (buffer.hasRemaining() && channel.read(buffer) > 0) {
					// keep reading
				}
				return Arrays.copyOf(buffer.array(), buffer.position());
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Path file() {
		if (this.path == null) {
			throw invalid("path must not be null");
		}
		return this.path;
	}

	@Override
	public String toString() {
		return "UploadSource[path=" + this.path + "]";
	}

}
