package dev.imgwire.client.upload;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.multipart.MultipartFile;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireUploadException;

/**
 * The bytes of an upload: where they come from, how many there are, and whether they can
 * be read more than once. Content is read lazily, in chunks of {@value #CHUNK_SIZE}
 * bytes, and never held whole in memory by the client.
 * <p>
 * Replayable sources (files, byte arrays, most resources, a {@link Supplier} of buffers,
 * a {@link MultipartFile}) can be hashed before the upload and sent again when an upload
 * attempt fails. A one-shot source (a single {@link Flux}, an open stream) can be read
 * once only.
 * <p>
 * Imgwire needs the length before the bytes. A source of unknown length (a WebFlux
 * {@link FilePart}, an {@link InputStream} or a {@link Flux} without a length) is
 * therefore first written to a temporary spool file, up to the client's spool limit, then
 * uploaded from that file, which is deleted when the upload ends, however it ends.
 * Blocking streams are read on
 * {@link reactor.core.scheduler.Schedulers#boundedElastic()}, never on the caller's
 * thread.
 *
 * @author Imgwire
 */
public abstract sealed class UploadSource permits PathUploadSource, ByteArrayUploadSource, ResourceUploadSource,
		DataBufferUploadSource, InputStreamUploadSource, UnknownLengthUploadSource {

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
	 * A one-shot stream of buffers of unknown length. It is spooled to a temporary file
	 * before the upload (see the class description), so it may be hashed, and a failed
	 * {@code PUT} may be retried from the file.
	 * @param content the buffers, released by the client as they are written
	 * @return the source
	 */
	public static UploadSource fromDataBuffers(Flux<DataBuffer> content) {
		return UnknownLengthUploadSource.ofBuffers(content, null, null, "buffers");
	}

	/**
	 * An open stream of a known length, streamed straight to Imgwire without spooling. It
	 * is one-shot: a failed {@code PUT} is not retried. The stream is read in chunks on
	 * {@link reactor.core.scheduler.Schedulers#boundedElastic()} and closed once read; a
	 * stream that an upload never read (because it failed before the {@code PUT}) stays
	 * the caller's to close. Its first bytes are peeked at, without being lost, to infer
	 * the type.
	 * @param stream the stream
	 * @param length the exact number of bytes the stream produces
	 * @return the source
	 */
	public static UploadSource fromInputStream(InputStream stream, long length) {
		return InputStreamUploadSource.oneShot(stream, length);
	}

	/**
	 * An open stream of unknown length. It is read in chunks on
	 * {@link reactor.core.scheduler.Schedulers#boundedElastic()}, spooled to a temporary
	 * file (see the class description) and closed, then uploaded from the file.
	 * @param stream the stream
	 * @return the source
	 */
	public static UploadSource fromInputStream(InputStream stream) {
		return UnknownLengthUploadSource.ofStream(stream);
	}

	/**
	 * A file uploaded to a Spring MVC application. Its size is known, so it is streamed
	 * without spooling, through {@link MultipartFile#getInputStream()} once per attempt;
	 * it is replayable. It is named after {@link MultipartFile#getOriginalFilename()},
	 * stripped of any directories. Its declared content type is used only when its first
	 * bytes agree (see {@link MimeTypeInference}).
	 * <p>
	 * {@code MultipartFile} is referenced only when this method is called.
	 * @param file the file
	 * @return the source
	 */
	public static UploadSource fromMultipartFile(MultipartFile file) {
		return MultipartFileSources.of(file);
	}

	/**
	 * A file part received by a WebFlux application. Its length is unknown, so it is
	 * spooled to a temporary file (see the class description). It is named after
	 * {@link FilePart#filename()}, stripped of any directories. Its declared content type
	 * is used only when its first bytes agree (see {@link MimeTypeInference}).
	 * <p>
	 * {@code FilePart} is referenced only when this method is called.
	 * @param part the part
	 * @return the source
	 */
	public static UploadSource fromFilePart(FilePart part) {
		return FilePartSources.of(part);
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
	 * The local file that holds exactly this source's bytes, from its first to its last,
	 * when there is one: a file, a spool file, a file-system resource. The client then
	 * sends the file without reading it into memory ({@code sendFile}, zero-copy) when
	 * its HTTP connector supports that, and reads it through {@link #content} otherwise.
	 * @return the file, or {@code null} when the bytes are only available through
	 * {@link #content}
	 */
	public @Nullable Path localFile() {
		return null;
	}

	/**
	 * Check that the source can be read at all. The client calls this before sending
	 * anything.
	 * @throws ImgwireRequestValidationException naming {@code source} and the rule broken
	 */
	public void validate() {
	}

	/**
	 * The content type the source came with, such as a multipart part's
	 * {@code Content-Type}: a claim of the sender that the first bytes must confirm.
	 * @return the declared type, or {@code null}
	 */
	@Nullable String declaredContentType() {
		return null;
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

	/**
	 * The failure of a second read of a source that can be read once.
	 * @param advice what to do instead, starting with its punctuation, or empty
	 * @return the exception
	 */
	static ImgwireUploadException alreadyRead(String advice) {
		return new ImgwireUploadException(
				"The upload source is a one-shot stream that was already read; it cannot be replayed" + advice);
	}

	static ImgwireRequestValidationException invalid(String rule) {
		return new ImgwireRequestValidationException("source", rule);
	}

	/**
	 * A file name as sent by a browser, without the directories some send with it.
	 * @param name the name
	 * @return the last segment, or {@code null} when nothing is left
	 */
	static @Nullable String withoutDirectories(@Nullable String name) {
		if (name == null) {
			return null;
		}
		int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		String last = name.substring(separator + 1).strip();
		return last.isEmpty() ? null : last;
	}

}
