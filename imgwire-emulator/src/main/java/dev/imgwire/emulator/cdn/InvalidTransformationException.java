package dev.imgwire.emulator.cdn;

/**
 * A CDN request the real CDN would reject: an unknown preset, a duplicate parameter, a
 * value out of its rule, or an image too large to transform. The HTTP side renders it as
 * a 400.
 *
 * @author imgwire
 */
public final class InvalidTransformationException extends RuntimeException {

	InvalidTransformationException(String detail) {
		// Control flow, not a bug: no stack trace needed.
		super(detail, null, false, false);
	}

}
