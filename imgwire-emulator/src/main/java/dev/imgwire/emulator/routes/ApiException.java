package dev.imgwire.emulator.routes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A domain error, rendered as {@code {"detail": "...", "error_type": "..."}} like the
 * real API's documented errors.
 *
 * @author imgwire
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final String errorType;

	private final Map<String, String> headers = new LinkedHashMap<>();

	ApiException(int status, String detail, String errorType) {
		// Control flow, not a bug: no stack trace needed.
		super(detail, null, false, false);
		this.status = status;
		this.errorType = errorType;
	}

	static ApiException invalidToken(String detail) {
		return new ApiException(401, detail, "InvalidTokenError").withHeader("WWW-Authenticate", "Bearer");
	}

	static ApiException notAllowed(String detail) {
		return new ApiException(403, detail, "OperationNotAllowedError");
	}

	static ApiException notAuthorized(String detail) {
		return new ApiException(403, detail, "ResourceNotAuthorizedError");
	}

	static ApiException notFound(String detail) {
		return new ApiException(404, detail, "ResourceNotFoundError");
	}

	ApiException withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	HttpReply toReply() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("detail", getMessage());
		body.put("error_type", this.errorType);
		return HttpReply.json(this.status, body).headers(this.headers);
	}

}
