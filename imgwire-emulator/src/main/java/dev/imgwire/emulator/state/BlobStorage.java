package dev.imgwire.emulator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Image bytes and download archives on disk, in a directory owned by one emulator.
 * <p>
 * Uploads of hundreds of MiB must not sit in the heap, so everything lives in files;
 * incoming bytes go to {@code incoming/} first and are moved into place only once
 * complete, so a reader never sees a partial image.
 *
 * @author imgwire
 */
public final class BlobStorage {

	private final Path root;

	private final Path incoming;

	private final Path images;

	private final Path archives;

	private final AtomicInteger openPutStreams = new AtomicInteger();

	private BlobStorage(Path root) throws IOException {
		this.root = root;
		this.incoming = Files.createDirectories(root.resolve("incoming"));
		this.images = Files.createDirectories(root.resolve("images"));
		this.archives = Files.createDirectories(root.resolve("archives"));
	}

	/**
	 * Create storage in a new directory. A user-supplied parent only hosts that
	 * directory, so deleting the storage never touches files the emulator did not create.
	 * @param parent the parent directory, or {@code null} for the system temp directory
	 * @return the storage
	 */
	public static BlobStorage create(@Nullable Path parent) {
		try {
			Path root = (parent != null)
					? Files.createTempDirectory(Files.createDirectories(parent), "imgwire-emulator-")
					: Files.createTempDirectory("imgwire-emulator-");
			return new BlobStorage(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create emulator storage", ex);
		}
	}

	/**
	 * Open a writer for a presigned PUT body; it counts towards {@link #openPutStreams()}
	 * until closed.
	 * @param maxBytes the size limit
	 * @return the writer
	 * @throws IOException if the file cannot be created
	 */
	public BlobWriter openUpload(long maxBytes) throws IOException {
		this.openPutStreams.incrementAndGet();
		try {
			return new BlobWriter(newIncomingFile(), maxBytes, this.openPutStreams::decrementAndGet);
		}
		catch (IOException | RuntimeException ex) {
			this.openPutStreams.decrementAndGet();
			throw ex;
		}
	}

	public BlobWriter openDownload(long maxBytes) throws IOException {
		return new BlobWriter(newIncomingFile(), maxBytes, () -> {
		});
	}

	public int openPutStreams() {
		return this.openPutStreams.get();
	}

	public void store(UUID imageId, Path receivedFile) throws IOException {
		Files.move(receivedFile, imagePath(imageId), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	public Optional<Path> find(UUID imageId) {
		Path path = imagePath(imageId);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	public Optional<byte[]> read(UUID imageId) {
		try {
			return Optional.of(Files.readAllBytes(imagePath(imageId)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public long size(UUID imageId) {
		try {
			return Files.size(imagePath(imageId));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	public void delete(UUID imageId) {
		deleteQuietly(imagePath(imageId));
	}

	public Path archivePath(UUID jobId) {
		return this.archives.resolve(jobId + ".zip");
	}

	public void discard(Path file) {
		deleteQuietly(file);
	}

	/**
	 * Delete stored images and archives. Files still being received are left to their
	 * writers, which delete them when the transfer ends.
	 */
	public void clear() {
		deleteChildren(this.images);
		deleteChildren(this.archives);
	}

	public void destroy() {
		deleteTree(this.root);
	}

	private Path imagePath(UUID imageId) {
		return this.images.resolve(imageId.toString());
	}

	private Path newIncomingFile() {
		return this.incoming.resolve(UUID.randomUUID() + ".part");
	}

	private static void deleteChildren(Path directory) {
		try (var children = Files.list(directory)) {
			children.forEach(BlobStorage::deleteQuietly);
		}
		catch (IOException ex) {
			// Nothing to clear.
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// Best effort: a file still open elsewhere goes with the directory on close.
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					deleteQuietly(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, IOException ex) {
					deleteQuietly(directory);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			// Best effort on shutdown.
		}
	}

}
