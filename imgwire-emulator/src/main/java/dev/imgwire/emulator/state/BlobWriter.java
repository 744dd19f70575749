package dev.imgwire.emulator.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams incoming bytes to a temporary file while counting and hashing them, so an
 * upload of any size costs one buffer of memory.
 *
 * @author imgwire
 */
public final class BlobWriter implements AutoCloseable {

	private final Path file;

	private final FileChannel channel;

	private final MessageDigest digest;

	private final long maxBytes;

	private final Runnable onClose;

	private long size;

	private boolean finished;

	private boolean closed;

	BlobWriter(Path file, long maxBytes, Runnable onClose) throws IOException {
		this.file = file;
		this.maxBytes = maxBytes;
		this.onClose = onClose;
		this.digest = sha256();
		this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	public synchronized void write(ByteBuffer buffer) throws IOException {
		if (this.closed) {
			// A transfer cancelled from another thread (a timeout) may still deliver the
			// chunk that was in flight; its file is gone already.
			return;
		}
		if (this.size + buffer.remaining() > this.maxBytes) {
			throw new BlobTooLargeException(this.maxBytes);
		}
		this.size += buffer.remaining();
		this.digest.update(buffer.duplicate());
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
	}

	public long size() {
		return this.size;
	}

	public synchronized ReceivedBlob finish() throws IOException {
		this.finished = true;
		close();
		return new ReceivedBlob(this.file, this.size, HexFormat.of().formatHex(this.digest.digest()));
	}

	/**
	 * Release the file handle. Without a prior {@link #finish()} the transfer failed or
	 * was cancelled, so the partial file is deleted too.
	 */
	@Override
	public synchronized void close() throws IOException {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.channel.close();
			if (!this.finished) {
				Files.deleteIfExists(this.file);
			}
		}
		finally {
			this.onClose.run();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
