package dev.imgwire.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.imgwire.client.internal.WireEnums;

/**
 * Processing status of an {@link Image}.
 *
 * @author Imgwire
 */
public enum ImageStatus {

	PENDING, PROCESSING, READY, QUARANTINE,

	/**
	 * A status this client does not know yet. The API may add values, and a response
	 * carrying one must still be readable.
	 */
	UNKNOWN;

	/**
	 * Whether no further transition is expected.
	 * @return {@code true} for {@link #READY} and {@link #QUARANTINE}
	 */
	public boolean isTerminal() {
		return this == READY || this == QUARANTINE;
	}

	@JsonValue
	String wireValue() {
		return name();
	}

	@JsonCreator
	static ImageStatus fromWireValue(String value) {
		return WireEnums.lookup(ImageStatus.class, value, ImageStatus::name, UNKNOWN);
	}

}
