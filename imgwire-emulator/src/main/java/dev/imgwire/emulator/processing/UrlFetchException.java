package dev.imgwire.emulator.processing;

/**
 * Fetching an image for {@code upload_via_url} failed; the message is shown to the
 * client.
 *
 * @author imgwire
 */
public final class UrlFetchException extends RuntimeException {

	public UrlFetchException(String message) {
		super(message);
	}

	public UrlFetchException(String message, Throwable cause) {
		super(message, cause);
	}

}
