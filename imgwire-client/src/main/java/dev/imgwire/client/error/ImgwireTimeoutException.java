package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A connect, response or upload timeout elapsed.
 *
 * @author Imgwire
 */
public class ImgwireTimeoutException extends ImgwireTransportException {

	public ImgwireTimeoutException(String method, String pathTemplate, String reason, @Nullable Throwable cause) {
		super(method, pathTemplate, reason, cause);
	}

}
