package dev.imgwire.client.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An image record, exactly as the API's {@code ImageSchema}: all 22 fields, nullable
 * where the spec allows null.
 *
 * @param id image id
 * @param environmentId environment the image belongs to
 * @param uploadTokenId upload token used to create the image, if any
 * @param originalFilename file name given at creation
 * @param hashSha256 SHA-256 of the bytes, hex encoded
 * @param status processing status
 * @param cdnUrl base delivery URL
 * @param mimeType original MIME type
 * @param canUpload whether bytes may still be uploaded
 * @param isDirectlyDeliverable whether the original can be delivered as is
 * @param idempotencyKey idempotency key given at creation
 * @param purpose free-form purpose given at creation
 * @param extension file extension derived from the MIME type
 * @param width width in pixels
 * @param height height in pixels
 * @param sizeBytes size of the original in bytes
 * @param customMetadata flat metadata given at creation
 * @param exifData extracted EXIF data
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param deletedAt deletion time
 * @param processedMetadataAt when metadata processing completed
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(@JsonProperty("id") UUID id, @JsonProperty("environment_id") @Nullable UUID environmentId,
		@JsonProperty("upload_token_id") @Nullable UUID uploadTokenId,
		@JsonProperty("original_filename") String originalFilename,
		@JsonProperty("hash_sha256") @Nullable String hashSha256, @JsonProperty("status") ImageStatus status,
		@JsonProperty("cdn_url") String cdnUrl, @JsonProperty("mime_type") SupportedMimeType mimeType,
		@JsonProperty("can_upload") boolean canUpload,
		@JsonProperty("is_directly_deliverable") boolean isDirectlyDeliverable,
		@JsonProperty("idempotency_key") @Nullable String idempotencyKey,
		@JsonProperty("purpose") @Nullable String purpose, @JsonProperty("extension") String extension,
		@JsonProperty("width") int width, @JsonProperty("height") int height,
		@JsonProperty("size_bytes") long sizeBytes, @JsonProperty("custom_metadata") Map<String, Object> customMetadata,
		@JsonProperty("exif_data") Map<String, Object> exifData, @JsonProperty("created_at") OffsetDateTime createdAt,
		@JsonProperty("updated_at") OffsetDateTime updatedAt,
		@JsonProperty("deleted_at") @Nullable OffsetDateTime deletedAt,
		@JsonProperty("processed_metadata_at") @Nullable OffsetDateTime processedMetadataAt) {

	public Image {
		customMetadata = (customMetadata != null) ? Map.copyOf(customMetadata) : Map.of();
		exifData = (exifData != null) ? Map.copyOf(exifData) : Map.of();
	}

}
