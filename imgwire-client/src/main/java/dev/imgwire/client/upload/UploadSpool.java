package dev.imgwire.client.upload;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.imgwire.client.error.ImgwireSpoolLimitException;

/**
 * Where sources of unknown length wait while their length is learnt: each is written to a
 * temporary file in {@link #directory()}, at most {@link #maxBytes()} bytes, before the
 * image record is created, then uploaded from that file. The file is deleted when the
 * upload completes, fails or is cancelled. Sources of known length pass through
 * untouched.
 *
 * @author Imgwire
 */
public final class UploadSpool {

	/**
	 * The default limit: 1 GiB, as the emulator's default upload limit.
	 */
	public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

	private final Path directory;

	private final long maxBytes;

	/**
	 * Create a spool.
	 * @param directory where spool files go; created when missing
	 * @param maxBytes the largest source of unknown length, in bytes; positive
	 */
	public UploadSpool(Path directory, long maxBytes) {
		this.directory = Objects.requireNonNull(directory, "directory must not be null");
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes: must be positive, was " + maxBytes);
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * A spool in the system's temporary directory ({@code java.io.tmpdir}) with the
	 * default limit.
	 * @return the spool
	 */
	public static UploadSpool defaults() {
		return new UploadSpool(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_MAX_BYTES);
	}

	public Path directory() {
		return this.directory;
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Run an upload from a source of known length: the source itself, or, for a source of
	 * unknown length, the spool file it was written to. A source over the limit fails
	 * with an {@link ImgwireSpoolLimitException} before {@code upload} is called.
	 * @param <T> the upload's result
	 * @param source the source
	 * @param upload the upload, given a source whose length is known
	 * @return the upload, followed by the deletion of any spool file
	 */
	public <T> Mono<T> prepare(UploadSource source, Function<UploadSource, Mono<T>> upload) {
		if (!(source instanceof UnknownLengthUploadSource unknown)) {
			return Mono.defer(() -> upload.apply(source));
		}
		return Mono.usingWhen(Mono.fromCallable(() -> SpoolFile.create(this.directory, this.maxBytes)),
				(file) -> file.write(unknown.content(DefaultDataBufferFactory.sharedInstance))
					.then(Mono.defer(() -> upload.apply(unknown.spooledTo(file.path())))),
				SpoolFile::delete, (file, error) -> file.delete(), SpoolFile::delete);
	}

	@Override
	public String toString() {
		return "UploadSpool[directory=" + this.directory + ", maxBytes=" + this.maxBytes + "]";
	}

}
