package dev.imgwire.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/images/upload_via_url}: Imgwire fetches the image itself.
 *
 * @param url absolute {@code http} or {@code https} URL of the image
 * @param fileName file name, not empty when given
 * @param mimeType MIME type, inferred by the API when absent
 * @param idempotencyKey key that makes a retried create return the same record, 1 to 255
 * characters; the client generates one when absent
 * @param purpose free-form purpose, 1 to 255 characters
 * @param customMetadata flat metadata: string, integer, number or boolean values only
 * @author Imgwire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadViaUrlRequest(@JsonProperty("url") String url, @JsonProperty("file_name") @Nullable String fileName,
		@JsonProperty("mime_type") @Nullable SupportedMimeType mimeType,
		@JsonProperty("idempotency_key") @Nullable String idempotencyKey,
		@JsonProperty("purpose") @Nullable String purpose,
		@JsonProperty("custom_metadata") @Nullable Map<String, Object> customMetadata)
		implements
			IdempotentRequest<UploadViaUrlRequest> {

	/**
	 * Create a request with only a URL.
	 * @param url the image URL
	 * @return the request
	 */
	public static UploadViaUrlRequest of(String url) {
		return new UploadViaUrlRequest(url, null, null, null, null, null);
	}

	public UploadViaUrlRequest withFileName(@Nullable String fileName) {
		return new UploadViaUrlRequest(this.url, fileName, this.mimeType, this.idempotencyKey, this.purpose,
				this.customMetadata);
	}

	public UploadViaUrlRequest withMimeType(@Nullable SupportedMimeType mimeType) {
		return new UploadViaUrlRequest(this.url, this.fileName, mimeType, this.idempotencyKey, this.purpose,
				this.customMetadata);
	}

	@Override
	public UploadViaUrlRequest withIdempotencyKey(@Nullable String idempotencyKey) {
		return new UploadViaUrlRequest(this.url, this.fileName, this.mimeType, idempotencyKey, this.purpose,
				this.customMetadata);
	}

	public UploadViaUrlRequest withPurpose(@Nullable String purpose) {
		return new UploadViaUrlRequest(this.url, this.fileName, this.mimeType, this.idempotencyKey, purpose,
				this.customMetadata);
	}

	public UploadViaUrlRequest withCustomMetadata(@Nullable Map<String, Object> customMetadata) {
		return new UploadViaUrlRequest(this.url, this.fileName, this.mimeType, this.idempotencyKey, this.purpose,
				customMetadata);
	}

}
