package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Immutable snapshot of one image. Every state change produces a new record, so a handler
 * can render a consistent response while processing moves on.
 *
 * @param id the image id
 * @param sequence creation order, breaking ties between equal {@code createdAt}
 * @param originalFilename the client's file name
 * @param format the recorded format
 * @param formatDeclared whether the client declared the MIME type
 * @param declaredContentLength the declared size, or {@code null}
 * @param hashSha256 the declared hash, else the computed one once bytes arrived
 * @param idempotencyKey the idempotency key, or {@code null}
 * @param purpose the purpose, or {@code null}
 * @param customMetadata flat scalar metadata
 * @param uploadTokenId the redeemed upload token, or {@code null}
 * @param status the processing status
 * @param sizeBytes the received size, or the declared size before the upload
 * @param width the width once known, else {@code null}
 * @param height the height once known, else {@code null}
 * @param createdAt creation time
 * @param updatedAt last change
 * @param deletedAt soft-delete time, or {@code null}
 * @param processedMetadataAt when the image became READY, or {@code null}
 * @author imgwire
 */
public record ImageRecord(UUID id, long sequence, String originalFilename, ImageFormat format, boolean formatDeclared,
		@Nullable Long declaredContentLength, @Nullable String hashSha256, @Nullable String idempotencyKey,
		@Nullable String purpose, Map<String, Object> customMetadata, @Nullable UUID uploadTokenId, ImageStatus status,
		long sizeBytes, @Nullable Integer width, @Nullable Integer height, Instant createdAt, Instant updatedAt,
		@Nullable Instant deletedAt, @Nullable Instant processedMetadataAt) {

	public ImageRecord {
		customMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(customMetadata));
	}

	static ImageRecord pending(UUID id, long sequence, ImageDraft draft, Instant now) {
		long size = (draft.declaredContentLength() != null) ? draft.declaredContentLength() : 0;
		return new ImageRecord(id, sequence, draft.originalFilename(), draft.format(), draft.formatDeclared(),
				draft.declaredContentLength(), draft.declaredHash(), draft.idempotencyKey(), draft.purpose(),
				draft.customMetadata(), draft.uploadTokenId(), ImageStatus.PENDING, size, null, null, now, now, null,
				null);
	}

	public boolean live() {
		return this.deletedAt == null;
	}

	/**
	 * Whether a hash was declared and the received bytes hash differently.
	 * @param computedHash the SHA-256 of the received bytes
	 * @return whether the declared hash is contradicted
	 */
	public boolean contradictsHash(String computedHash) {
		return this.hashSha256 != null && !this.hashSha256.equalsIgnoreCase(computedHash);
	}

	public ImageRecord received(long size, String computedHash, Instant now) {
		// A declared hash stays on the record: it is what the client said, and a mismatch
		// is what sends the image to QUARANTINE.
		String hash = (this.hashSha256 != null) ? this.hashSha256 : computedHash;
		return new ImageRecord(this.id, this.sequence, this.originalFilename, this.format, this.formatDeclared,
				this.declaredContentLength, hash, this.idempotencyKey, this.purpose, this.customMetadata,
				this.uploadTokenId, ImageStatus.PROCESSING, size, this.width, this.height, this.createdAt, now,
				this.deletedAt, this.processedMetadataAt);
	}

	public ImageRecord processed(ImageStatus status, ImageFormat format, @Nullable Integer width,
			@Nullable Integer height, Instant now) {
		Instant processedAt = (status == ImageStatus.READY) ? now : null;
		return new ImageRecord(this.id, this.sequence, this.originalFilename, format, this.formatDeclared,
				this.declaredContentLength, this.hashSha256, this.idempotencyKey, this.purpose, this.customMetadata,
				this.uploadTokenId, status, this.sizeBytes, width, height, this.createdAt, now, this.deletedAt,
				processedAt);
	}

	public ImageRecord deleted(Instant now) {
		return new ImageRecord(this.id, this.sequence, this.originalFilename, this.format, this.formatDeclared,
				this.declaredContentLength, this.hashSha256, this.idempotencyKey, this.purpose, this.customMetadata,
				this.uploadTokenId, this.status, this.sizeBytes, this.width, this.height, this.createdAt, now, now,
				this.processedMetadataAt);
	}

	public EmulatedImage toEmulatedImage() {
		return new EmulatedImage(this.id, this.status.name(), this.originalFilename, this.format.mimeType(),
				this.sizeBytes, this.width, this.height, this.hashSha256, this.idempotencyKey, this.purpose,
				this.customMetadata, this.uploadTokenId, this.createdAt);
	}

}
