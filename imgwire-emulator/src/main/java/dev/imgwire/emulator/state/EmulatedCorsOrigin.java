package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.UUID;

/**
 * One CORS origin of the environment, as the API and tests see it.
 *
 * @param id the CORS origin id
 * @param environmentId the environment it belongs to
 * @param pattern the pattern as given, such as {@code https://app.example.com} or
 * {@code https://*.example.com}
 * @param createdAt creation time
 * @param updatedAt last change
 * @author imgwire
 */
public record EmulatedCorsOrigin(UUID id, UUID environmentId, String pattern, Instant createdAt, Instant updatedAt) {

	EmulatedCorsOrigin withPattern(String newPattern, Instant now) {
		return new EmulatedCorsOrigin(this.id, this.environmentId, newPattern, this.createdAt, now);
	}

}
