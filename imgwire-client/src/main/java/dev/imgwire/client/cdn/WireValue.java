package dev.imgwire.client.cdn;

/**
 * A closed-set value with a fixed URL form, so that
 * {@link ImageUrl#param(String, Object)} accepts the enums of this package as well as
 * their strings.
 *
 * @author Imgwire
 */
interface WireValue {

	/**
	 * The value exactly as it appears in a transformation URL.
	 * @return the URL form
	 */
	String value();

}
