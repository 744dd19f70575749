package dev.imgwire.client.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireSpoolLimitException;
import dev.imgwire.client.error.ImgwireUploadException;

/**
 * One temporary file that a source of unknown length is written to, buffer by buffer on
 * the bounded elastic scheduler, up to a size limit. Writing, closing and deleting are
 * serialized, so a cancellation that deletes the file never races a write.
 *
 * @author Imgwire
 */
final class SpoolFile {

	/**
	 * Buffers requested ahead of the writer: bounds the memory a spool holds.
	 */
	private static final int PREFETCH = 4;

	private final Path path;

	private final long maxBytes;

	private final FileChannel channel;

	private long written;

	private boolean closed;

	private SpoolFile(Path path, FileChannel channel, long maxBytes) {
		this.path = path;
		this.channel = channel;
		this.maxBytes = maxBytes;
	}

	/**
	 * Create an empty spool file, readable and writable by its owner only where the file
	 * system has permissions.
	 * @param directory where; created when missing
	 * @param maxBytes the limit
	 * @return the open file
	 */
	static SpoolFile create(Path directory, long maxBytes) {
		Path file = null;
		try {
			Files.createDirectories(directory);
			file = Files.createTempFile(directory, "imgwire-upload-", ".spool");
			return new SpoolFile(file, FileChannel.open(file, StandardOpenOption.WRITE), maxBytes);
		}
		catch (IOException | RuntimeException ex) {
			if (file != null) {
				deleteQuietly(file);
			}
			throw new ImgwireUploadException("The upload source could not be spooled: no file could be created in "
					+ directory + " (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	Path path() {
		return this.path;
	}

	/**
	 * Write the whole content, then close the file (it stays until {@link #delete()}).
	 * @param content the buffers, each released once written or discarded
	 * @return completes when all is on disk
	 */
	Mono<Void> write(Flux<DataBuffer> content) {
		return content.publishOn(Schedulers.boundedElastic(), PREFETCH)
			.doOnNext(this::append)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
			.then(Mono.fromRunnable(this::close).subscribeOn(Schedulers.boundedElastic()))
			.onErrorMap((ex) -> !(ex instanceof ImgwireException), InputStreamUploadSource::unreadable)
			.then();
	}

	private synchronized void append(DataBuffer buffer) {
		try {
			if (this.closed) {
				return;
			}
			int count = buffer.readableByteCount();
			if (this.written + count > this.maxBytes) {
				throw new ImgwireSpoolLimitException(this.maxBytes);
			}
			try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
				while (buffers.hasNext()) {
					ByteBuffer bytes = buffers.next();
					while (bytes.hasRemaining()) {
						this.channel.write(bytes);
					}
				}
			}
			this.written += count;
		}
		catch (IOException ex) {
			throw new ImgwireUploadException("The upload source could not be spooled to " + this.path.getParent() + " ("
					+ ex.getClass().getSimpleName() + ")", ex);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				throw new ImgwireUploadException(
						"The spool file could not be written completely (" + ex.getClass().getSimpleName() + ")", ex);
			}
		}
	}

	/**
	 * Close and delete the file, off the caller's thread.
	 * @return completes when the file is gone
	 */
	Mono<Void> delete() {
		return Mono.<Void>fromRunnable(() -> {
			synchronized (this) {
				this.closed = true;
				try {
					this.channel.close();
				}
				catch (IOException ex) {
					// Deleting is what matters.
				}
			}
			deleteQuietly(this.path);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			file.toFile().deleteOnExit();
		}
	}

	@Override
	public String toString() {
		return "SpoolFile[" + this.path + ", written=" + this.written + "]";
	}

}
