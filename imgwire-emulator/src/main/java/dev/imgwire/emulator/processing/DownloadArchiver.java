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

import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;

/**
 * Builds the zip of a bulk download job, or fails the job when an image has no bytes.
 *
 * @author imgwire
 */
public final class DownloadArchiver {

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
		List<Source> sources = sources(job.get());
		DownloadStatus outcome = (sources != null && write(jobId, sources)) ? DownloadStatus.READY
				: DownloadStatus.FAILED;
		this.store.downloadJobs().update(jobId, (current) -> current.finished(outcome, this.store.now()));
	}

	private List<Source> sources(DownloadJobRecord job) {
		List<Source> sources = new ArrayList<>();
		for (UUID imageId : job.imageIds()) {
			Optional<ImageRecord> image = this.store.images().find(imageId);
			Optional<Path> file = this.store.blobs().find(imageId);
			if (image.isEmpty() || image.get().status() == ImageStatus.PENDING || file.isEmpty()) {
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
		catch (IOException ex) {
			logger.log(System.Logger.Level.WARNING, "Could not build download archive " + jobId, ex);
			this.store.blobs().discard(archive);
			return false;
		}
	}

	static String uniqueName(String fileName, Set<String> used) {
		String safe = fileName.replace('/', '_').replace('\\', '_');
		int dot = safe.lastIndexOf('.');
		String stem = (dot > 0) ? safe.substring(0, dot) : safe;
		String extension = (dot > 0) ? safe.substring(dot) : "";
		String candidate = safe;
		for (int copy = 1; !used.add(candidate.toLowerCase(Locale.ROOT)); copy++) {
			candidate = stem + " (" + copy + ")" + extension;
		}
		return candidate;
	}

	private record Source(String fileName, Path file) {

	}

}
