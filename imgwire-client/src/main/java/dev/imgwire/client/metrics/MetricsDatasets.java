package dev.imgwire.client.metrics;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Usage over time, one point per interval bucket.
 *
 * @param uploads uploads per bucket
 * @param transformations transformations per bucket
 * @param requests delivery requests per bucket
 * @param transferBytes bytes delivered per bucket
 * @param cacheHitRatio cache outcomes, by label
 * @param storageBytes stored bytes per bucket
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricsDatasets(@JsonProperty("uploads") List<Uploads> uploads,
		@JsonProperty("transformations") List<Transformations> transformations,
		@JsonProperty("requests") List<Requests> requests,
		@JsonProperty("transfer_bytes") List<TransferBytes> transferBytes,
		@JsonProperty("cache_hit_ratio") List<CacheHitRatio> cacheHitRatio,
		@JsonProperty("storage_bytes") List<StorageBytes> storageBytes) {

	public MetricsDatasets {
		uploads = List.copyOf(uploads);
		transformations = List.copyOf(transformations);
		requests = List.copyOf(requests);
		transferBytes = List.copyOf(transferBytes);
		cacheHitRatio = List.copyOf(cacheHitRatio);
		storageBytes = List.copyOf(storageBytes);
	}

	/**
	 * Uploads in one bucket.
	 *
	 * @param timestamp the bucket's start
	 * @param uploads the count
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Uploads(@JsonProperty("timestamp") OffsetDateTime timestamp, @JsonProperty("uploads") long uploads) {
	}

	/**
	 * Transformations in one bucket.
	 *
	 * @param timestamp the bucket's start
	 * @param transformations the count
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Transformations(@JsonProperty("timestamp") OffsetDateTime timestamp,
			@JsonProperty("transformations") long transformations) {
	}

	/**
	 * Delivery requests in one bucket.
	 *
	 * @param timestamp the bucket's start
	 * @param requests the count
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Requests(@JsonProperty("timestamp") OffsetDateTime timestamp,
			@JsonProperty("requests") long requests) {
	}

	/**
	 * Bytes delivered in one bucket.
	 *
	 * @param timestamp the bucket's start
	 * @param transferBytes the byte count
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TransferBytes(@JsonProperty("timestamp") OffsetDateTime timestamp,
			@JsonProperty("transfer_bytes") long transferBytes) {
	}

	/**
	 * One cache outcome.
	 *
	 * @param label the outcome, for example {@code HIT}
	 * @param value its count
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CacheHitRatio(@JsonProperty("label") String label, @JsonProperty("value") long value) {
	}

	/**
	 * Stored bytes in one bucket.
	 *
	 * @param timestamp the bucket's start
	 * @param storageBytesCurrent bytes stored at the bucket's end
	 * @param storageBytesAdded bytes added during the bucket
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StorageBytes(@JsonProperty("timestamp") OffsetDateTime timestamp,
			@JsonProperty("storage_bytes_current") long storageBytesCurrent,
			@JsonProperty("storage_bytes_added") long storageBytesAdded) {
	}

}
