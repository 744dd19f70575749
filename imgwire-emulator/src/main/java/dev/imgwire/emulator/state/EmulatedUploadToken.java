package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An upload token as a test sees it through {@link EmulatorState}.
 *
 * @param id the token id
 * @param token the secret token value
 * @param expiresAt expiry time
 * @param usedAt when it was redeemed, or {@code null}
 * @author imgwire
 */
public record EmulatedUploadToken(UUID id, String token, Instant expiresAt, @Nullable Instant usedAt) {

	@Override
	public String toString() {
		// The token is a credential; keep it out of assertion messages and logs.
		return "EmulatedUploadToken[id=" + this.id + ", expiresAt=" + this.expiresAt + ", usedAt=" + this.usedAt + "]";
	}

}
