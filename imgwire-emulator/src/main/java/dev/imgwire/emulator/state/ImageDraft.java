package dev.imgwire.emulator.state;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a client asked for when creating an image, before the emulator assigns an id.
 *
 * @param originalFilename the file name to keep
 * @param format the declared or inferred format
 * @param formatDeclared whether the client named the MIME type; only then are the
 * upload's {@code Content-Type} and sniffed bytes held against it
 * @param declaredContentLength the declared size, or {@code null}
 * @param declaredHash the declared SHA-256, or {@code null}
 * @param idempotencyKey the idempotency key, or {@code null}
 * @param purpose the purpose, or {@code null}
 * @param customMetadata flat scalar metadata
 * @param uploadTokenId the redeemed upload token, or {@code null}
 * @author imgwire
 */
public record ImageDraft(String originalFilename, ImageFormat format, boolean formatDeclared,
		@Nullable Long declaredContentLength, @Nullable String declaredHash, @Nullable String idempotencyKey,
		@Nullable String purpose, Map<String, Object> customMetadata, @Nullable UUID uploadTokenId) {

	public ImageDraft withUploadTokenId(UUID tokenId) {
		return new ImageDraft(this.originalFilename, this.format, this.formatDeclared, this.declaredContentLength,
				this.declaredHash, this.idempotencyKey, this.purpose, this.customMetadata, tokenId);
	}

}
