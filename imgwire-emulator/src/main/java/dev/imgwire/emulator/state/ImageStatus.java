package dev.imgwire.emulator.state;

/**
 * The {@code ImageStatus} values of the Imgwire API.
 *
 * @author imgwire
 */
public enum ImageStatus {

	/** Record created, bytes not received yet. */
	PENDING,

	/** Bytes received, verdict not published yet (see the processing delay). */
	PROCESSING,

	/** Bytes are an image of the recorded type. */
	READY,

	/** Bytes are not an image of the declared type, or do not match the declared hash. */
	QUARANTINE

}
