package dev.imgwire.client.error;

/**
 * A request broke one of the API's constraints and was refused before anything was sent.
 *
 * @author Imgwire
 */
public class ImgwireRequestValidationException extends ImgwireException {

	private final String field;

	private final String rule;

	public ImgwireRequestValidationException(String field, String rule) {
		super(field + ": " + rule);
		this.field = field;
		this.rule = rule;
	}

	/**
	 * The offending field, in wire form, for example {@code file_name} or
	 * {@code custom_metadata.tags}.
	 * @return the field
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * The rule that was broken, for example {@code must not be empty}.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

}
