package dev.imgwire.emulator.state;

/**
 * The {@code ImageDownloadStatus} values of the Imgwire API.
 *
 * @author imgwire
 */
public enum DownloadStatus {

	PENDING,

	PROCESSING,

	READY,

	FAILED

}
