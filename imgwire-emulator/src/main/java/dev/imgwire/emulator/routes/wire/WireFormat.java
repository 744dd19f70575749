package dev.imgwire.emulator.routes.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.CustomDomainRecord;
import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatedCorsOrigin;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;
import dev.imgwire.emulator.state.UploadTokenRecord;

/**
 * The response schemas of the spec, field by field in spec order. Every required field is
 * always written, nullable ones as {@code null}.
 *
 * @author imgwire
 */
public final class WireFormat {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
		.withZone(ZoneOffset.UTC);

	private final Endpoints endpoints;

	public WireFormat(Endpoints endpoints) {
		this.endpoints = endpoints;
	}

	/**
	 * {@code ImageSchema}. Width and height are non-nullable integers in the spec, so an
	 * unknown size is written as 0 rather than null.
	 * @param image the image
	 * @return the schema as an ordered map
	 */
	public Map<String, Object> image(ImageRecord image) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", image.id().toString());
		json.put("environment_id", this.endpoints.environmentId().toString());
		json.put("upload_token_id", (image.uploadTokenId() != null) ? image.uploadTokenId().toString() : null);
		json.put("original_filename", image.originalFilename());
		json.put("hash_sha256", image.hashSha256());
		json.put("status", image.status().name());
		json.put("cdn_url", this.endpoints.cdnUrl(image.id()));
		json.put("mime_type", image.format().mimeType());
		json.put("can_upload", image.status() == ImageStatus.PENDING);
		json.put("is_directly_deliverable", image.status() == ImageStatus.READY && image.format().browserNative());
		json.put("idempotency_key", image.idempotencyKey());
		json.put("purpose", image.purpose());
		json.put("extension", image.format().extension());
		json.put("width", (image.width() != null) ? image.width() : 0);
		json.put("height", (image.height() != null) ? image.height() : 0);
		json.put("size_bytes", image.sizeBytes());
		json.put("custom_metadata", image.customMetadata());
		json.put("exif_data", Map.of());
		json.put("created_at", timestamp(image.createdAt()));
		json.put("updated_at", timestamp(image.updatedAt()));
		json.put("deleted_at", timestamp(image.deletedAt()));
		json.put("processed_metadata_at", timestamp(image.processedMetadataAt()));
		return json;
	}

	public Map<String, Object> standardUpload(ImageRecord image, String uploadUrl) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("image", image(image));
		json.put("upload_url", uploadUrl);
		return json;
	}

	public Map<String, Object> uploadToken(UploadTokenRecord token) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", token.id().toString());
		json.put("environment_id", this.endpoints.environmentId().toString());
		json.put("used_at", timestamp(token.usedAt()));
		json.put("expires_at", timestamp(token.expiresAt()));
		json.put("created_at", timestamp(token.createdAt()));
		json.put("updated_at", timestamp(token.updatedAt()));
		json.put("token", token.token());
		return json;
	}

	public Map<String, Object> downloadJob(DownloadJobRecord job) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", job.id().toString());
		json.put("environment_id", this.endpoints.environmentId().toString());
		json.put("status", job.status().name());
		json.put("image_ids", job.imageIds().stream().map(Object::toString).toList());
		json.put("download_url",
				(job.status() == DownloadStatus.READY) ? this.endpoints.archiveUrl(job.id()) : null);
		json.put("created_at", timestamp(job.createdAt()));
		json.put("updated_at", timestamp(job.updatedAt()));
		return json;
	}

	/**
	 * {@code CorsOriginSchema}.
	 * @param origin the CORS origin
	 * @return the schema as an ordered map
	 */
	public Map<String, Object> corsOrigin(EmulatedCorsOrigin origin) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", origin.id().toString());
		json.put("environment_id", origin.environmentId().toString());
		json.put("pattern", origin.pattern());
		json.put("created_at", timestamp(origin.createdAt()));
		json.put("updated_at", timestamp(origin.updatedAt()));
		return json;
	}

	/**
	 * {@code CustomDomainSchema}.
	 * @param domain the custom domain
	 * @return the schema as an ordered map
	 */
	public Map<String, Object> customDomain(CustomDomainRecord domain) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", domain.id().toString());
		json.put("environment_id", domain.environmentId().toString());
		json.put("hostname", domain.hostname());
		json.put("cname_record", domain.cnameRecord());
		json.put("cname_value", domain.cnameValue());
		json.put("dcv_cname_record", domain.dcvCnameRecord());
		json.put("dcv_cname_value", domain.dcvCnameValue());
		json.put("certificate_status", domain.certificateStatus().name());
		json.put("status", domain.status().name());
		json.put("last_verified_at", timestamp(domain.lastVerifiedAt()));
		json.put("created_at", timestamp(domain.createdAt()));
		json.put("updated_at", timestamp(domain.updatedAt()));
		return json;
	}

	public static String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

}
