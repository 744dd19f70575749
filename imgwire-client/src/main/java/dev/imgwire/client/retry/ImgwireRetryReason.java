package dev.imgwire.client.retry;

import java.util.Optional;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;

/**
 * Why a failure may pass if the request is sent again. Anything else (other 4xx,
 * validation, unreadable bodies, upload source problems) is never retried.
 *
 * @author Imgwire
 */
public enum ImgwireRetryReason {

	/**
	 * 429 Too Many Requests.
	 */
	RATE_LIMITED("rate_limited"),

	/**
	 * 500, 502, 503 or 504.
	 */
	SERVER_ERROR("server_error"),

	/**
	 * 408 Request Timeout.
	 */
	REQUEST_TIMEOUT("request_timeout"),

	/**
	 * The connection was refused, reset or closed before a complete answer.
	 */
	CONNECTION_ERROR("connection_error"),

	/**
	 * No answer within the response (or upload) timeout.
	 */
	TIMEOUT("timeout");

	private final String value;

	ImgwireRetryReason(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code imgwire.retry.reason} key.
	 * @return the value, for example {@code rate_limited}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Classify a failure.
	 * @param failure the failure of one attempt
	 * @return the reason to retry, or empty when the failure must not be retried
	 */
	public static Optional<ImgwireRetryReason> of(Throwable failure) {
		if (failure instanceof ImgwireApiException apiException) {
			return switch (apiException.getStatusCode()) {
				case 429 -> Optional.of(RATE_LIMITED);
				case 408 -> Optional.of(REQUEST_TIMEOUT);
				case 500, 502, 503, 504 -> Optional.of(SERVER_ERROR);
				default -> Optional.empty();
			};
		}
		if (failure instanceof ImgwireTimeoutException) {
			return Optional.of(TIMEOUT);
		}
		if (failure instanceof ImgwireTransportException) {
			return Optional.of(CONNECTION_ERROR);
		}
		return Optional.empty();
	}

}
