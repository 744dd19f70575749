package dev.imgwire.emulator.routes.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain error, rendered as {@code {"detail": "...", "error_type": "..."}} like the
 * real API's documented errors.
 *
 * @author imgwire
 */
public final class ApiException extends RuntimeException {

	private final int status;

	private final String errorType;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public ApiException(int status, String detail, String errorType) {
		// Control flow, not a bug: no stack trace needed.
		super(detail, null, false, false);
		this.status = status;
		this.errorType = errorType;
	}

	public static ApiException invalidToken(String detail) {
		return new ApiException(401, detail, "InvalidTokenError").withHeader("WWW-Authenticate", "Bearer");
	}

	public static ApiException notAllowed(String detail) {
		return new ApiException(403, detail, "OperationNotAllowedError");
	}

	/**
	 * A request that conflicts with existing state, such as a second custom domain. The
	 * docs name no conflict error type; {@code OperationNotAllowedError} is the closest.
	 * @param detail the message
	 * @return the exception
	 */
	public static ApiException conflict(String detail) {
		return new ApiException(409, detail, "OperationNotAllowedError");
	}

	public static ApiException notAuthorized(String detail) {
		return new ApiException(403, detail, "ResourceNotAuthorizedError");
	}

	public static ApiException notFound(String detail) {
		return new ApiException(404, detail, "ResourceNotFoundError");
	}

	/**
	 * A request the emulator cannot even parse: a malformed URI or a JSON body beyond the
	 * parser's limits. The docs name no error type for these.
	 * @param detail the message
	 * @return the exception
	 */
	public static ApiException invalidRequest(String detail) {
		return new ApiException(400, detail, "InvalidRequestError");
	}

	public static ApiException payloadTooLarge(String detail) {
		return new ApiException(413, detail, "PayloadTooLargeError");
	}

	/**
	 * A request whose body stopped arriving.
	 * @param detail the message
	 * @return the exception
	 */
	public static ApiException requestTimeout(String detail) {
		return new ApiException(408, detail, "RequestTimeoutError");
	}

	public ApiException withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public int status() {
		return this.status;
	}

	public Map<String, String> headers() {
		return Collections.unmodifiableMap(this.headers);
	}

	public Map<String, Object> body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", getMessage());
		body.put("error_type", this.errorType);
		return body;
	}

}
