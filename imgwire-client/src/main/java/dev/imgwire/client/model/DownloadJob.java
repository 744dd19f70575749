package dev.imgwire.client.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A bulk download job: a zip of the originals of several images.
 *
 * @param id job id
 * @param environmentId environment the job belongs to
 * @param status job status
 * @param imageIds images in the archive
 * @param downloadUrl URL of the zip, present once {@link DownloadJobStatus#READY}
 * @param createdAt creation time
 * @param updatedAt last update time
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DownloadJob(@JsonProperty("id") UUID id, @JsonProperty("environment_id") @Nullable UUID environmentId,
		@JsonProperty("status") DownloadJobStatus status, @JsonProperty("image_ids") List<UUID> imageIds,
		@JsonProperty("download_url") @Nullable String downloadUrl,
		@JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("updated_at") OffsetDateTime updatedAt) {

	public DownloadJob {
		imageIds = (imageIds != null) ? List.copyOf(imageIds) : List.of();
	}

	@Override
	public String toString() {
		// The download URL is signed: a bearer credential for the archive.
		return "DownloadJob[id=" + this.id + ", environmentId=" + this.environmentId + ", status=" + this.status
				+ ", imageIds=" + this.imageIds + ", downloadUrl=" + ((this.downloadUrl != null) ? "<redacted>" : null)
				+ ", createdAt=" + this.createdAt + ", updatedAt=" + this.updatedAt + "]";
	}

}
