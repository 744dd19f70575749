package dev.imgwire.client.cors;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An origin pattern allowed to upload from browsers with a Client Key.
 *
 * @param id the CORS origin id
 * @param environmentId the environment it belongs to
 * @param pattern the origin pattern, for example {@code https://app.example.com}
 * @param createdAt creation time
 * @param updatedAt last update time
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorsOrigin(@JsonProperty("id") UUID id, @JsonProperty("environment_id") UUID environmentId,
		@JsonProperty("pattern") String pattern, @JsonProperty("created_at") OffsetDateTime createdAt,
		@JsonProperty("updated_at") OffsetDateTime updatedAt) {

}
