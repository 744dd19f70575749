package dev.imgwire.emulator.routes.wire;

import java.util.Map;

/**
 * Signals a 422 from anywhere in a handler.
 *
 * @author imgwire
 */
public final class ValidationException extends RuntimeException {

	private final ValidationErrors errors;

	ValidationException(ValidationErrors errors) {
		super("Request validation failed", null, false, false);
		this.errors = errors;
	}

	/**
	 * The {@code HTTPValidationError} body, sent with status 422.
	 * @return the body
	 */
	public Map<String, Object> body() {
		return this.errors.body();
	}

}
