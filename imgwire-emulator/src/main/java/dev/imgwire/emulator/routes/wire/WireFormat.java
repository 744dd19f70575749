package dev.imgwire.emulator.routes.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.CustomDomainRecord;
import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatedCorsOrigin;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;
import dev.imgwire.emulator.state.UploadTokenRecord;
import dev.imgwire.emulator.state.UsageTotals;

/**
 * The response schemas of the spec, field by field in spec order. Every required field is
 * always written, nullable ones as {@code null}.
 *
 * @author imgwire
 */
public final class WireFormat {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ZONED_TIMESTAMP = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

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
		json.put("download_url", (job.status() == DownloadStatus.READY) ? this.endpoints.archiveUrl(job.id()) : null);
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

	/**
	 * {@code MetricsDatasetsSchema}: one point per bucket, stamped with the bucket's
	 * start in the requested zone and offset. The emulator has no cache, so
	 * {@code cache_hit_ratio} reports every CDN request of the window as a MISS.
	 * @param points the buckets, oldest first
	 * @param window the usage over all buckets
	 * @return the schema as an ordered map
	 */
	public Map<String, Object> metricsDatasets(List<MetricsPoint> points, UsageTotals window) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uploads", series(points, "uploads", (point) -> point.usage().uploads()));
		json.put("transformations", series(points, "transformations", (point) -> point.usage().transformations()));
		json.put("requests", series(points, "requests", (point) -> point.usage().cdnRequests()));
		json.put("transfer_bytes", series(points, "transfer_bytes", (point) -> point.usage().transferBytes()));
		json.put("cache_hit_ratio", List.of(label("HIT", 0), label("MISS", window.cdnRequests())));
		json.put("storage_bytes", points.stream().map((point) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("timestamp", zonedTimestamp(point.start()));
			item.put("storage_bytes_current", point.storedBytes());
			item.put("storage_bytes_added", point.usage().storageBytesAdded());
			return item;
		}).toList());
		return json;
	}

	/**
	 * {@code MetricsStatsSchema}: each value over the window against the same over the
	 * previous window. {@code storage_bytes} is a level, not a sum: the bytes stored at
	 * the end of each window. {@code cache_hit_ratio} is the hit percentage, always 0
	 * without a cache.
	 * @param current the requested window
	 * @param previous the equally long window before it
	 * @return the schema as an ordered map
	 */
	public Map<String, Object> metricsStats(MetricsPoint current, MetricsPoint previous) {
		UsageTotals now = current.usage();
		UsageTotals before = previous.usage();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("uploads", stat(now.uploads(), before.uploads()));
		json.put("transformations", stat(now.transformations(), before.transformations()));
		json.put("requests", stat(now.cdnRequests(), before.cdnRequests()));
		json.put("transfer_bytes", stat(now.transferBytes(), before.transferBytes()));
		json.put("cache_hit_ratio", stat(0, 0));
		json.put("storage_bytes", stat(current.storedBytes(), previous.storedBytes()));
		return json;
	}

	private static List<Map<String, Object>> series(List<MetricsPoint> points, String field,
			Function<MetricsPoint, Long> value) {
		return points.stream().map((point) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("timestamp", zonedTimestamp(point.start()));
			item.put(field, value.apply(point));
			return item;
		}).toList();
	}

	private static Map<String, Object> label(String label, long value) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("label", label);
		item.put("value", value);
		return item;
	}

	/**
	 * {@code MetricsStatValueSchema}; {@code pct_change} is {@code null} when there is
	 * nothing to compare with.
	 */
	private static Map<String, Object> stat(long value, long previous) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("value", value);
		json.put("prev", previous);
		json.put("pct_change", (previous != 0) ? (value - previous) * 100.0 / previous : null);
		return json;
	}

	private static String zonedTimestamp(ZonedDateTime time) {
		return ZONED_TIMESTAMP.format(time);
	}

	public static @Nullable String timestamp(Instant instant) {
		return (instant != null) ? TIMESTAMP.format(instant) : null;
	}

}
