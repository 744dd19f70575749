package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The API answered, but the body could not be read as the expected JSON: malformed
 * (including JSON that ends early), an HTML page, or empty. A body cut short because the
 * connection closed is an {@link ImgwireTransportException} instead.
 *
 * @author Imgwire
 */
public class ImgwireResponseException extends ImgwireException {

	private final int statusCode;

	public ImgwireResponseException(String method, String pathTemplate, int statusCode, String reason,
			@Nullable Throwable cause) {
		super(method + " " + pathTemplate + " returned HTTP " + statusCode + " with an unreadable body: " + reason,
				cause);
		this.statusCode = statusCode;
	}

	public int getStatusCode() {
		return this.statusCode;
	}

}
