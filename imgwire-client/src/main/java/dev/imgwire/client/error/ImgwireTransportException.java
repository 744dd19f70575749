package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The request never got a complete HTTP answer: connection refused or reset, a timeout,
 * or a response cut short.
 *
 * @author Imgwire
 */
public class ImgwireTransportException extends ImgwireException {

	private final String method;

	private final String pathTemplate;

	public ImgwireTransportException(String method, String pathTemplate, String reason, @Nullable Throwable cause) {
		super(method + " " + pathTemplate + " failed: " + reason, cause);
		this.method = method;
		this.pathTemplate = pathTemplate;
	}

	public String getMethod() {
		return this.method;
	}

	public String getPathTemplate() {
		return this.pathTemplate;
	}

}
