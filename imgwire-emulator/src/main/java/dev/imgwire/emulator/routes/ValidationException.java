package dev.imgwire.emulator.routes;

/**
 * Signals a 422 from anywhere in a handler.
 *
 * @author imgwire
 */
final class ValidationException extends RuntimeException {

	private final ValidationErrors errors;

	ValidationException(ValidationErrors errors) {
		super("Request validation failed", null, false, false);
		this.errors = errors;
	}

	HttpReply toReply() {
		return this.errors.toReply();
	}

}
