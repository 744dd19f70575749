package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One upload token.
 *
 * @param id the token id
 * @param token the secret value clients pass as {@code upload_token}
 * @param createdAt creation time
 * @param updatedAt last change
 * @param expiresAt expiry time
 * @param usedAt redemption time, or {@code null}
 * @author imgwire
 */
public record UploadTokenRecord(UUID id, String token, Instant createdAt, Instant updatedAt, Instant expiresAt,
		@Nullable Instant usedAt) {

	public boolean expiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	UploadTokenRecord used(Instant now) {
		return new UploadTokenRecord(this.id, this.token, this.createdAt, now, this.expiresAt, now);
	}

	public EmulatedUploadToken toEmulatedUploadToken() {
		return new EmulatedUploadToken(this.id, this.token, this.expiresAt, this.usedAt);
	}

	@Override
	public String toString() {
		return "UploadTokenRecord[id=" + this.id + ", expiresAt=" + this.expiresAt + ", usedAt=" + this.usedAt + "]";
	}

}
