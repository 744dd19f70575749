package dev.imgwire.client.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Usage totals over a window, each compared with the window before.
 *
 * @param uploads uploads
 * @param transformations transformations
 * @param requests delivery requests
 * @param transferBytes bytes delivered
 * @param cacheHitRatio cache hit ratio
 * @param storageBytes stored bytes
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricsStats(@JsonProperty("uploads") Value uploads,
		@JsonProperty("transformations") Value transformations, @JsonProperty("requests") Value requests,
		@JsonProperty("transfer_bytes") Value transferBytes, @JsonProperty("cache_hit_ratio") Value cacheHitRatio,
		@JsonProperty("storage_bytes") Value storageBytes) {

	/**
	 * One figure.
	 *
	 * @param value the figure over the window
	 * @param prev the figure over the window before
	 * @param pctChange the change in percent, or {@code null} when there is nothing to
	 * compare with
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Value(@JsonProperty("value") double value, @JsonProperty("prev") double prev,
			@JsonProperty("pct_change") @Nullable Double pctChange) {
	}

}
