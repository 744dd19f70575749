package dev.imgwire.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/images/standard_upload}. Only the file name is required;
 * absent fields are omitted from the JSON rather than sent as {@code null}.
 *
 * @param fileName file name, not empty
 * @param mimeType MIME type of the bytes to upload
 * @param contentLength exact byte count of the upload, at least 0
 * @param hashSha256 SHA-256 of the bytes, 1 to 255 characters
 * @param idempotencyKey key that makes a retried create return the same record, 1 to 255
 * characters; the client generates one when absent
 * @param purpose free-form purpose, 1 to 255 characters
 * @param customMetadata flat metadata: string, integer, number or boolean values only
 * @author Imgwire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StandardUploadRequest(@JsonProperty("file_name") String fileName,
		@JsonProperty("mime_type") @Nullable SupportedMimeType mimeType,
		@JsonProperty("content_length") @Nullable Long contentLength,
		@JsonProperty("hash_sha256") @Nullable String hashSha256,
		@JsonProperty("idempotency_key") @Nullable String idempotencyKey,
		@JsonProperty("purpose") @Nullable String purpose,
		@JsonProperty("custom_metadata") @Nullable Map<String, Object> customMetadata)
		implements
			IdempotentRequest<StandardUploadRequest> {

	/**
	 * Create a request with only a file name.
	 * @param fileName the file name
	 * @return the request
	 */
	public static StandardUploadRequest of(String fileName) {
		return new StandardUploadRequest(fileName, null, null, null, null, null, null);
	}

	public StandardUploadRequest withMimeType(@Nullable SupportedMimeType mimeType) {
		return new StandardUploadRequest(this.fileName, mimeType, this.contentLength, this.hashSha256,
				this.idempotencyKey, this.purpose, this.customMetadata);
	}

	public StandardUploadRequest withContentLength(@Nullable Long contentLength) {
		return new StandardUploadRequest(this.fileName, this.mimeType, contentLength, this.hashSha256,
				this.idempotencyKey, this.purpose, this.customMetadata);
	}

	public StandardUploadRequest withHashSha256(@Nullable String hashSha256) {
		return new StandardUploadRequest(this.fileName, this.mimeType, this.contentLength, hashSha256,
				this.idempotencyKey, this.purpose, this.customMetadata);
	}

	@Override
	public StandardUploadRequest withIdempotencyKey(@Nullable String idempotencyKey) {
		return new StandardUploadRequest(this.fileName, this.mimeType, this.contentLength, this.hashSha256,
				idempotencyKey, this.purpose, this.customMetadata);
	}

	public StandardUploadRequest withPurpose(@Nullable String purpose) {
		return new StandardUploadRequest(this.fileName, this.mimeType, this.contentLength, this.hashSha256,
				this.idempotencyKey, purpose, this.customMetadata);
	}

	public StandardUploadRequest withCustomMetadata(@Nullable Map<String, Object> customMetadata) {
		return new StandardUploadRequest(this.fileName, this.mimeType, this.contentLength, this.hashSha256,
				this.idempotencyKey, this.purpose, customMetadata);
	}

}
