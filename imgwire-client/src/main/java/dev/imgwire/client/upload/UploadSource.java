package dev.imgwire.client.upload;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireUploadException;

/**
 * The bytes of an upload: where they come from, how many there are, and whether they can
 * be read more than once. Content is read lazily, in chunks of
 * {@value #CHUNK_SIZE} bytes, and never held whole in memory by the client.
 * <p>
 * Replayable sources (files, byte arrays, most resources, a {@link Supplier} of
 * buffers) can be hashed before the upload and sent again when an upload attempt fails.
 * A one-shot source (a single {@link Flux}, an open stream) can be read once only.
 *
 * @author Imgwire
 */
public abstract sealed class UploadSource permits PathUploadSource, ByteArrayUploadSource, ResourceUploadSource,
		DataBufferUploadSource {

	/**
	 * Size of the chunks sources are read in.
	 */
	public static final int CHUNK_SIZE = 64 * 1024;

	UploadSource() {
	}

	/**
	 * A file. Its size is read when the upload starts; a missing, unreadable or
	 * non-regular file fails then, before any request.
	 * @param path the file
	 * @return the source
	 */
	public static UploadSource fromPath(Path path) {
		return new PathUploadSource(path);
	}

	/**
	 * An array of bytes. The array is not copied, so it must not change during the
	 * upload.
	 * @param bytes the bytes
	 * @return the source
	 */
	public static UploadSource fromBytes(byte[] bytes) {
		return new ByteArrayUploadSource(bytes);
	}

	/**
	 * A Spring {@link Resource}. It is replayable unless {@link Resource#isOpen()}. An
	 * open resource, such as an {@code InputStreamResource}, must override
	 * {@link Resource#contentLength()}: the inherited implementation counts the bytes by
	 * reading the stream, which leaves nothing to upload.
	 * @param resource the resource; it must report its content length
	 * @return the source
	 */
	public static UploadSource fromResource(Resource resource) {
		return new ResourceUploadSource(resource);
	}

	/**
	 * A one-shot stream of buffers of a known length. It is subscribed to once; a second
	 * read, such as a retry of a failed upload, fails with an
	 * {@link ImgwireUploadException}.
	 * @param content the buffers, released by the client as they are sent
	 * @param length the exact number of bytes the stream produces
	 * @return the source
	 */
	public static UploadSource fromDataBuffers(Flux<DataBuffer> content, long length) {
		return new DataBufferUploadSource(content, length);
	}

	/**
	 * A replayable stream of buffers of a known length: each read calls the supplier for
	 * a fresh stream.
	 * @param content supplies a new stream of the same bytes on every call
	 * @param length the exact number of bytes each stream produces
	 * @return the source
	 */
	public static UploadSource fromDataBuffers(Supplier<Flux<DataBuffer>> content, long length) {
		return new DataBufferUploadSource(content, length);
	}

	/**
	 * The number of bytes, sent as {@code content_length} and {@code Content-Length}.
	 * @return the length
	 * @throws ImgwireRequestValidationException when it cannot be determined
	 */
	public abstract long length();

	/**
	 * The source's own file name, used when the upload options name none.
	 * @return the file name, or {@code null}
	 */
	public abstract @Nullable String fileName();

	/**
	 * Whether {@link #content} may be called more than once.
	 * @return {@code true} when the bytes can be read again
	 */
	public abstract boolean isReplayable();

	/**
	 * Read the bytes. Nothing is read until subscription.
	 * @param bufferFactory allocates the buffers
	 * @return the bytes, in chunks
	 */
	public abstract Flux<DataBuffer> content(DataBufferFactory bufferFactory);

	/**
	 * Check that the source can be read at all. The client calls this before sending
	 * anything.
	 * @throws ImgwireRequestValidationException naming {@code source} and the rule
	 * broken
	 */
	public void validate() {
	}

	/**
	 * Read up to the first bytes without consuming the source, to recognise its format.
	 * @param maxBytes how many bytes at most
	 * @return the first bytes, or empty when they cannot be read without consuming a
	 * one-shot source
	 */
	Mono<byte[]> head(int maxBytes) {
		return Mono.empty();
	}

	static ImgwireRequestValidationException invalid(String rule) {
		return new ImgwireRequestValidationException("source", rule);
	}

}
