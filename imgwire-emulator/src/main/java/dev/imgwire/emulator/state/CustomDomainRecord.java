package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The environment's custom domain, immutable; every change produces a new record.
 *
 * @param id the custom domain id
 * @param environmentId the environment it belongs to
 * @param hostname the hostname, lower case
 * @param cnameRecord the DNS name the customer points at the CDN: the hostname itself
 * @param cnameValue the CDN host that {@code cnameRecord} must point to
 * @param dcvCnameRecord the DNS name for certificate domain-control validation
 * @param dcvCnameValue where {@code dcvCnameRecord} must point
 * @param status the connection status
 * @param certificateStatus the certificate status
 * @param lastVerifiedAt the last {@code test_connection}, or {@code null}
 * @param connectionTests how many times {@code test_connection} ran
 * @param createdAt creation time
 * @param updatedAt last change
 * @author imgwire
 */
public record CustomDomainRecord(UUID id, UUID environmentId, String hostname, String cnameRecord, String cnameValue,
		String dcvCnameRecord, String dcvCnameValue, CustomDomainStatus status, CertificateStatus certificateStatus,
		@Nullable Instant lastVerifiedAt, int connectionTests, Instant createdAt, Instant updatedAt) {

	/**
	 * A new, unverified domain. The DNS targets are derived from the environment and
	 * hostname only, so a test can predict them.
	 * @param environmentId the environment
	 * @param hostname the hostname, lower case
	 * @param now the creation time
	 * @return the record
	 */
	static CustomDomainRecord pending(UUID environmentId, String hostname, Instant now) {
		String environment = environmentId.toString();
		return new CustomDomainRecord(UUID.randomUUID(), environmentId, hostname, hostname,
				environment + ".cdn.imgwire.dev", "_acme-challenge." + hostname,
				hostname + "." + environment.substring(0, 8) + ".dcv.imgwire.dev", CustomDomainStatus.PENDING,
				CertificateStatus.PENDING, null, 0, now, now);
	}

	/**
	 * The outcome of one more {@code test_connection}: the first only records the check
	 * (DNS "not propagated yet"), any later one connects the domain with an active
	 * certificate. Tests can so observe both states without waiting.
	 * @param now the time of the check
	 * @return the record after the check
	 */
	CustomDomainRecord tested(Instant now) {
		int tests = this.connectionTests + 1;
		boolean connected = tests >= 2;
		return new CustomDomainRecord(this.id, this.environmentId, this.hostname, this.cnameRecord, this.cnameValue,
				this.dcvCnameRecord, this.dcvCnameValue, connected ? CustomDomainStatus.CONNECTED : this.status,
				connected ? CertificateStatus.ACTIVE : this.certificateStatus, now, tests, this.createdAt, now);
	}

	public EmulatedCustomDomain toEmulatedCustomDomain() {
		return new EmulatedCustomDomain(this.id, this.environmentId, this.hostname, this.cnameValue,
				this.dcvCnameRecord, this.dcvCnameValue, this.status.name(), this.certificateStatus.name(),
				this.lastVerifiedAt, this.connectionTests, this.createdAt);
	}

}
