package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An image as a test sees it through {@link EmulatorState}, without HTTP.
 *
 * @param id the image id
 * @param status {@code PENDING}, {@code PROCESSING}, {@code READY} or {@code QUARANTINE}
 * @param originalFilename the client's file name
 * @param mimeType the recorded MIME type
 * @param sizeBytes the received size, or the declared size before the upload
 * @param width the width, {@code null} until known
 * @param height the height, {@code null} until known
 * @param hashSha256 the declared or computed SHA-256, or {@code null}
 * @param idempotencyKey the idempotency key, or {@code null}
 * @param purpose the purpose, or {@code null}
 * @param customMetadata flat scalar metadata
 * @param uploadTokenId the redeemed upload token, or {@code null}
 * @param createdAt creation time
 * @author imgwire
 */
public record EmulatedImage(UUID id, String status, String originalFilename, String mimeType, long sizeBytes,
		@Nullable Integer width, @Nullable Integer height, @Nullable String hashSha256, @Nullable String idempotencyKey,
		@Nullable String purpose, Map<String, Object> customMetadata, @Nullable UUID uploadTokenId, Instant createdAt) {

}
