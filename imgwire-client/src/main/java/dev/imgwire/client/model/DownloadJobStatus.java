package dev.imgwire.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.imgwire.client.internal.WireEnums;

/**
 * Status of a bulk {@link DownloadJob}.
 *
 * @author Imgwire
 */
public enum DownloadJobStatus {

	PENDING, PROCESSING, READY, FAILED,

	/**
	 * A status this client does not know yet.
	 */
	UNKNOWN;

	/**
	 * Whether no further transition is expected.
	 * @return {@code true} for {@link #READY} and {@link #FAILED}
	 */
	public boolean isTerminal() {
		return this == READY || this == FAILED;
	}

	@JsonValue
	String wireValue() {
		return name();
	}

	@JsonCreator
	static DownloadJobStatus fromWireValue(String value) {
		return WireEnums.lookup(DownloadJobStatus.class, value, DownloadJobStatus::name, UNKNOWN);
	}

}
