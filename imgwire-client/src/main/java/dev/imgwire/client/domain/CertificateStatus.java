package dev.imgwire.client.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.imgwire.client.internal.WireEnums;

/**
 * Status of a {@link CustomDomain}'s TLS certificate.
 *
 * @author Imgwire
 */
public enum CertificateStatus {

	PENDING, ACTIVE, FAILING,

	/**
	 * A value this client does not know yet. The API may add values, and a response
	 * carrying one must still be readable.
	 */
	UNKNOWN;

	@JsonValue
	String wireValue() {
		return name();
	}

	@JsonCreator
	static CertificateStatus fromWireValue(String value) {
		return WireEnums.lookup(CertificateStatus.class, value, CertificateStatus::name, UNKNOWN);
	}

}
