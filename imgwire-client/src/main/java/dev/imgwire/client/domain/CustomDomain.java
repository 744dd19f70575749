package dev.imgwire.client.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The environment's custom delivery domain, with the DNS records that connect it.
 *
 * @param id the custom domain id
 * @param environmentId the environment it belongs to
 * @param hostname the hostname, for example {@code images.example.com}
 * @param cnameRecord name of the CNAME record to create
 * @param cnameValue value of that CNAME record
 * @param dcvCnameRecord name of the domain-control-validation CNAME record
 * @param dcvCnameValue value of that record
 * @param certificateStatus the TLS certificate's status
 * @param status the connection's status
 * @param lastVerifiedAt when the connection was last tested, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last update time
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomDomain(@JsonProperty("id") UUID id, @JsonProperty("environment_id") UUID environmentId,
		@JsonProperty("hostname") String hostname, @JsonProperty("cname_record") String cnameRecord,
		@JsonProperty("cname_value") String cnameValue, @JsonProperty("dcv_cname_record") String dcvCnameRecord,
		@JsonProperty("dcv_cname_value") String dcvCnameValue,
		@JsonProperty("certificate_status") CertificateStatus certificateStatus,
		@JsonProperty("status") CustomDomainStatus status,
		@JsonProperty("last_verified_at") @Nullable OffsetDateTime lastVerifiedAt,
		@JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("updated_at") OffsetDateTime updatedAt) {

}
