package dev.imgwire.client.cdn;

/**
 * Thrown by the value normalisers; {@link ImageUrl} turns it into an
 * {@link IllegalArgumentException} that also names the parameter. The message describes
 * the value, what is wrong with it and the rule, e.g.
 * {@code 0 is out of range; must be an integer from 1 to 8192}.
 *
 * @author Imgwire
 */
final class InvalidValueException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidValueException(String message) {
		// No stack trace: the exception is always caught and rethrown with more context.
		super(message, null, false, false);
	}

	static InvalidValueException of(Object value, String problem, String rule) {
		return new InvalidValueException(Values.describe(value) + " " + problem + "; " + rule);
	}

	/**
	 * Wrap a problem found in one part of a composite value, keeping the part's own rule.
	 * @param whole the whole value, as given
	 * @param part what the part is, e.g. {@code "height"}
	 * @return the exception to throw instead
	 */
	InvalidValueException inPart(Object whole, String part) {
		return new InvalidValueException(Values.describe(whole) + " has an invalid " + part + ": " + getMessage());
	}

}
