package dev.imgwire.sample.web;

/**
 * Raised when the browser flow is asked for but no Client Key is configured: a browser
 * can do nothing with an upload token alone, and the Server Key must never stand in.
 *
 * @author Imgwire
 */
public final class ClientKeyMissingException extends RuntimeException {

	public ClientKeyMissingException() {
		super("No Imgwire Client Key is configured (imgwire.client-key), so the browser cannot upload");
	}

}
