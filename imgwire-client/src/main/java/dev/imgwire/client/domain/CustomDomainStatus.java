package dev.imgwire.client.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.imgwire.client.internal.WireEnums;

/**
 * Connection status of a {@link CustomDomain}.
 *
 * @author Imgwire
 */
public enum CustomDomainStatus {

	PENDING, CONNECTED, FAILED,

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
	static CustomDomainStatus fromWireValue(String value) {
		return WireEnums.lookup(CustomDomainStatus.class, value, CustomDomainStatus::name, UNKNOWN);
	}

}
