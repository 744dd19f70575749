package dev.imgwire.client.error;

/**
 * A connect, response or upload timeout elapsed.
 *
 * @author Imgwire
 */
public class ImgwireTimeoutException extends ImgwireTransportException {

	public ImgwireTimeoutException(String method, String pathTemplate, String reason, Throwable cause) {
		super(method, pathTemplate, reason, cause);
	}

}
