package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The environment's custom domain as a test sees it through {@link EmulatorState}.
 *
 * @param id the custom domain id
 * @param environmentId the environment it belongs to
 * @param hostname the hostname, lower case; also the {@code cname_record}
 * @param cnameValue the CDN host the hostname must point to
 * @param dcvCnameRecord {@code _acme-challenge.<hostname>}
 * @param dcvCnameValue where the validation record must point
 * @param status {@code PENDING}, {@code CONNECTED} or {@code FAILED}
 * @param certificateStatus {@code PENDING}, {@code ACTIVE} or {@code FAILING}
 * @param lastVerifiedAt the last {@code test_connection}, or {@code null}
 * @param connectionTests how many times {@code test_connection} ran
 * @param createdAt creation time
 * @author imgwire
 */
public record EmulatedCustomDomain(UUID id, UUID environmentId, String hostname, String cnameValue,
		String dcvCnameRecord, String dcvCnameValue, String status, String certificateStatus,
		@Nullable Instant lastVerifiedAt, int connectionTests, Instant createdAt) {

}
