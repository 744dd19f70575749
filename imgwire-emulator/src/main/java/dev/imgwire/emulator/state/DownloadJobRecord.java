package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One bulk download job.
 *
 * @param id the job id
 * @param imageIds the requested images, in request order
 * @param status the job status
 * @param createdAt creation time
 * @param updatedAt last change
 * @author imgwire
 */
public record DownloadJobRecord(UUID id, List<UUID> imageIds, DownloadStatus status, Instant createdAt,
		Instant updatedAt) {

	public DownloadJobRecord {
		imageIds = List.copyOf(imageIds);
	}

	public DownloadJobRecord finished(DownloadStatus outcome, Instant now) {
		return new DownloadJobRecord(this.id, this.imageIds, outcome, this.createdAt, now);
	}

	public EmulatedDownloadJob toEmulatedDownloadJob() {
		return new EmulatedDownloadJob(this.id, this.status.name(), this.imageIds);
	}

}
