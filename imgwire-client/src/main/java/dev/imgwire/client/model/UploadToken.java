package dev.imgwire.client.model;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A short-lived, single-use token that lets a Client Key create one standard upload.
 *
 * @param id token id
 * @param environmentId environment the token belongs to
 * @param usedAt when the token was used
 * @param expiresAt when the token expires
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param token the secret token, sent as the {@code upload_token} query parameter
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadToken(@JsonProperty("id") UUID id, @JsonProperty("environment_id") UUID environmentId,
		@JsonProperty("used_at") @Nullable OffsetDateTime usedAt, @JsonProperty("expires_at") OffsetDateTime expiresAt,
		@JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("updated_at") OffsetDateTime updatedAt,
		@JsonProperty("token") String token) {

	@Override
	public String toString() {
		return "UploadToken[id=" + this.id + ", expiresAt=" + this.expiresAt + ", usedAt=" + this.usedAt
				+ ", token=<redacted>]";
	}

}
