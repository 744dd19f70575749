package dev.imgwire.emulator.processing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;

/**
 * Builds the zip of a bulk download job, or fails the job when an image has no bytes.
 * Every job ends READY or FAILED, never stays PENDING; a failure is logged with its
 * reason.
 * <p>
 * Entries are named by the images' original file names, made safe for zip: path
 * separators and control characters become {@code _}, names are cut to
 * {@value #MAX_ENTRY_NAME_BYTES} bytes of UTF-8 at a character boundary with their
 * extension kept, and names that clash (ignoring case) get {@code " (1)"}, {@code " (2)"}
 * and so on.
 *
 * @author imgwire
 */
public final class DownloadArchiver {

	/**
	 * The longest entry name written. The zip format allows 65535 bytes, but file systems
	 * rarely allow more than 255 for a file name, so that is what unzipping can create.
	 */
	static final int MAX_ENTRY_NAME_BYTES = 255;

	/** A longer "extension" is just part of the name and may be cut. */
	private static final int MAX_EXTENSION_BYTES = 32;

	private static final System.Logger logger = System.getLogger(DownloadArchiver.class.getName());

	private final EmulatorStore store;

	public DownloadArchiver(EmulatorStore store) {
		this.store = store;
	}

	public void assemble(UUID jobId) {
		Optional<DownloadJobRecord> job = this.store.downloadJobs().find(jobId);
		if (job.isEmpty()) {
			return;
		}
		DownloadStatus outcome;
		try {
			List<Source> sources = sources(job.get());
			outcome = (sources != null && write(jobId, sources)) ? DownloadStatus.READY : DownloadStatus.FAILED;
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Download job " + jobId + " failed: " + ex);
			outcome = DownloadStatus.FAILED;
		}
		DownloadStatus finished = outcome;
		this.store.downloadJobs().update(jobId, (current) -> current.finished(finished, this.store.now()));
	}

	private @Nullable List<Source> sources(DownloadJobRecord job) {
		List<Source> sources = new ArrayList<>();
		for (UUID imageId : job.imageIds()) {
			Optional<ImageRecord> image = this.store.images().find(imageId);
			Optional<Path> file = this.store.blobs().find(imageId);
			if (image.isEmpty() || image.get().status() == ImageStatus.PENDING || file.isEmpty()) {
				logger.log(System.Logger.Level.WARNING, "Download job " + job.id() + " failed: image " + imageId
						+ " is unknown, deleted or was never uploaded");
				return null;
			}
			sources.add(new Source(image.get().originalFilename(), file.get()));
		}
		return sources;
	}

	private boolean write(UUID jobId, List<Source> sources) {
		Path archive = this.store.blobs().archivePath(jobId);
		try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
			// Images are already compressed; deflating them again only costs time.
			zip.setLevel(Deflater.NO_COMPRESSION);
			Set<String> used = new HashSet<>();
			for (Source source : sources) {
				zip.putNextEntry(new ZipEntry(uniqueName(source.fileName(), used)));
				Files.copy(source.file(), zip);
				zip.closeEntry();
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			// Expected when an image is deleted meanwhile: a warning, no stack trace.
			logger.log(System.Logger.Level.WARNING,
					"Download job " + jobId + " failed: could not build its archive: " + ex);
			this.store.blobs().discard(archive);
			return false;
		}
	}

	static String uniqueName(String fileName, Set<String> used) {
		String safe = safeName(fileName);
		int dot = safe.lastIndexOf('.');
		boolean hasExtension = dot > 0 && utf8Length(safe.substring(dot)) <= MAX_EXTENSION_BYTES;
		String stem = hasExtension ? safe.substring(0, dot) : safe;
		String extension = hasExtension ? safe.substring(dot) : "";
		String candidate = fit(stem, "", extension);
		for (int copy = 1; !used.add(candidate.toLowerCase(Locale.ROOT)); copy++) {
			candidate = fit(stem, " (" + copy + ")", extension);
		}
		return candidate;
	}

	private static String safeName(String fileName) {
		StringBuilder safe = new StringBuilder(Math.min(fileName.length(), 1024));
		fileName.codePoints().forEach((codePoint) -> {
			boolean unsafe = codePoint == '/' || codePoint == '\\' || codePoint < 0x20 || codePoint == 0x7F
					|| Character.getType(codePoint) == Character.SURROGATE;
			safe.appendCodePoint(unsafe ? '_' : codePoint);
		});
		String name = safe.toString();
		return (name.isBlank() || name.equals(".") || name.equals("..")) ? "image" : name;
	}

	/**
	 * {@code stem + suffix + extension}, with the stem cut so the whole fits
	 * {@link #MAX_ENTRY_NAME_BYTES} bytes of UTF-8.
	 */
	private static String fit(String stem, String suffix, String extension) {
		int budget = MAX_ENTRY_NAME_BYTES - utf8Length(suffix) - utf8Length(extension);
		StringBuilder kept = new StringBuilder();
		int used = 0;
		for (int i = 0; i < stem.length();) {
			int codePoint = stem.codePointAt(i);
			int length = utf8Length(codePoint);
			if (used + length > budget) {
				break;
			}
			kept.appendCodePoint(codePoint);
			used += length;
			i += Character.charCount(codePoint);
		}
		return kept + suffix + extension;
	}

	private static int utf8Length(String text) {
		return text.codePoints().map(DownloadArchiver::utf8Length).sum();
	}

	private static int utf8Length(int codePoint) {
		return (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
	}

	private record Source(String fileName, Path file) {

	}

}
