package dev.imgwire.client.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.imgwire.client.model.SupportedMimeType;

/**
 * How an upload is described and handled.
 *
 * @param fileName file name sent as {@code file_name}; defaults to the source's own name,
 * else {@code upload.<extension>}
 * @param mimeType MIME type; inferred from the file name, else from the first bytes, when
 * {@code null}
 * @param purpose free-form purpose, 1 to 255 characters
 * @param idempotencyKey idempotency key, 1 to 255 characters; generated when {@code null}
 * @param customMetadata flat metadata: string, integer, number or boolean values
 * @param computeSha256 whether to read the source once beforehand to send its SHA-256 as
 * {@code hash_sha256} (replayable sources only)
 * @param awaitReady whether to wait until the image is {@code READY}; {@code null} uses
 * the client's default
 * @author Imgwire
 */
public record UploadOptions(@Nullable String fileName, @Nullable SupportedMimeType mimeType, @Nullable String purpose,
		@Nullable String idempotencyKey, @Nullable Map<String, Object> customMetadata, boolean computeSha256,
		@Nullable Boolean awaitReady) {

	private static final UploadOptions DEFAULTS = new UploadOptions(null, null, null, null, null, false, null);

	public UploadOptions {
		// Copied into a map that tolerates null values, so that validation can name them.
		customMetadata = (customMetadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(customMetadata))
				: null;
	}

	/**
	 * Options that infer everything, generate the idempotency key and follow the client's
	 * defaults.
	 * @return the default options
	 */
	public static UploadOptions defaults() {
		return DEFAULTS;
	}

	public UploadOptions withFileName(@Nullable String fileName) {
		return new UploadOptions(fileName, this.mimeType, this.purpose, this.idempotencyKey, this.customMetadata,
				this.computeSha256, this.awaitReady);
	}

	public UploadOptions withMimeType(@Nullable SupportedMimeType mimeType) {
		return new UploadOptions(this.fileName, mimeType, this.purpose, this.idempotencyKey, this.customMetadata,
				this.computeSha256, this.awaitReady);
	}

	public UploadOptions withPurpose(@Nullable String purpose) {
		return new UploadOptions(this.fileName, this.mimeType, purpose, this.idempotencyKey, this.customMetadata,
				this.computeSha256, this.awaitReady);
	}

	public UploadOptions withIdempotencyKey(@Nullable String idempotencyKey) {
		return new UploadOptions(this.fileName, this.mimeType, this.purpose, idempotencyKey, this.customMetadata,
				this.computeSha256, this.awaitReady);
	}

	public UploadOptions withCustomMetadata(@Nullable Map<String, Object> customMetadata) {
		return new UploadOptions(this.fileName, this.mimeType, this.purpose, this.idempotencyKey, customMetadata,
				this.computeSha256, this.awaitReady);
	}

	public UploadOptions withComputeSha256(boolean computeSha256) {
		return new UploadOptions(this.fileName, this.mimeType, this.purpose, this.idempotencyKey, this.customMetadata,
				computeSha256, this.awaitReady);
	}

	public UploadOptions withAwaitReady(@Nullable Boolean awaitReady) {
		return new UploadOptions(this.fileName, this.mimeType, this.purpose, this.idempotencyKey, this.customMetadata,
				this.computeSha256, awaitReady);
	}

}
